using DigestBot.Core.Articles;

namespace DigestBot.Core.Localization;

/// <summary>CLDR plural categories used by our languages for whole numbers.</summary>
public enum PluralCategory
{
    One,
    Few,
    Many,
    Other,
}

/// <summary>CLDR cardinal plural rules for whole numbers in <see cref="Language"/>.</summary>
public static class PluralRules
{
    public static PluralCategory Select(Language language, long n) => language switch
    {
        Language.Ru => SelectRussian(n),
        Language.Kk or Language.En => n == 1 || n == -1 ? PluralCategory.One : PluralCategory.Other,
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, null),
    };

    // CLDR ru: one = i%10=1 and i%100!=11; few = i%10=2..4 and i%100!=12..14; many = the other integers.
    private static PluralCategory SelectRussian(long n)
    {
        var units = Math.Abs(n % 10);
        var tens = Math.Abs(n % 100);
        return units switch
        {
            1 when tens != 11 => PluralCategory.One,
            >= 2 and <= 4 when tens is < 12 or > 14 => PluralCategory.Few,
            _ => PluralCategory.Many,
        };
    }
}
