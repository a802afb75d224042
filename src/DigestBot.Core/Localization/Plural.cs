using System.Globalization;
using DigestBot.Core.Articles;
using Humanizer;

namespace DigestBot.Core.Localization;

/// <summary>Picks the word form that goes with a number, from forms written "one|few|many" (ru) or "one|other" (kk, en).</summary>
/// <remarks>Humanizer's Pluralize and ToQuantity inflect English only ("статья".ToQuantity(5) is "5 статьяs"), and its Russian
/// plural rule is internal, hence <see cref="PluralRules"/>.</remarks>
public static class Plural
{
    /// <summary>The number and its word, e.g. (ru, 5, "статья|статьи|статей") → "5 статей".</summary>
    /// <remarks>English also accepts a single singular noun, pluralised by Humanizer; Kazakh nouns do not change after a number,
    /// so a single form serves there too.</remarks>
    public static string Format(Language language, long n, string forms)
    {
        ArgumentNullException.ThrowIfNull(forms);
        if (language == Language.En && !forms.Contains('|', StringComparison.Ordinal))
        {
            return forms.ToQuantity(n);
        }

        return n.ToString(CultureInfo.InvariantCulture) + " " + Word(language, n, forms);
    }

    /// <summary>Only the word form for <paramref name="n"/>.</summary>
    /// <exception cref="ArgumentException">The number of forms does not fit the language.</exception>
    public static string Word(Language language, long n, string forms)
    {
        ArgumentNullException.ThrowIfNull(forms);
        var split = forms.Split('|');
        return (language, split.Length) switch
        {
            (Language.Ru, 3) => split[(int)PluralRules.Select(language, n)],
            (Language.Kk, 1) => split[0],
            (Language.Kk or Language.En, 2) => PluralRules.Select(language, n) == PluralCategory.One ? split[0] : split[1],
            _ => throw new ArgumentException($"'{forms}' does not have the forms {language.ToCode()} needs (ru: one|few|many, kk and en: one|other).", nameof(forms)),
        };
    }
}
