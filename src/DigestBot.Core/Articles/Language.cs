namespace DigestBot.Core.Articles;

/// <summary>A language the bot stores articles in and talks to readers in.</summary>
public enum Language
{
    Ru,
    Kk,
    En,
}

/// <summary>ISO 639-1 codes for <see cref="Language"/>, as Telegram and our JSON use them.</summary>
public static class LanguageCodes
{
    public static IReadOnlyList<Language> All { get; } = [Language.Ru, Language.Kk, Language.En];

    public static string ToCode(this Language language) => language switch
    {
        Language.Ru => "ru",
        Language.Kk => "kk",
        Language.En => "en",
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, null),
    };

    /// <summary>Reads "ru", "kk", "en" (any case, also regional forms such as "ru-RU"; "kz" as a common alias of "kk").</summary>
    public static bool TryParse(string? code, out Language language)
    {
        language = Language.En;
        if (string.IsNullOrWhiteSpace(code))
        {
            return false;
        }

        var span = code.AsSpan().Trim();
        var dash = span.IndexOfAny('-', '_');
        if (dash > 0)
        {
            span = span[..dash];
        }

        if (span.Equals("ru", StringComparison.OrdinalIgnoreCase))
        {
            language = Language.Ru;
            return true;
        }

        if (span.Equals("kk", StringComparison.OrdinalIgnoreCase) || span.Equals("kz", StringComparison.OrdinalIgnoreCase))
        {
            language = Language.Kk;
            return true;
        }

        if (span.Equals("en", StringComparison.OrdinalIgnoreCase))
        {
            language = Language.En;
            return true;
        }

        return false;
    }
}
