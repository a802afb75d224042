using System.Globalization;
using Humanizer;
using Humanizer.Localisation;
using Humanizer.Localisation.Formatters;

namespace DigestBot.Core.Localization;

/// <summary>Humanizer's formatter for a language whose resources Humanizer lacks here, driven by <see cref="HumanizerWords"/>.</summary>
internal sealed class LocalizedFormatter(HumanizerWords words, CultureInfo culture) : IFormatter
{
    public string DateHumanize_Now() => words.Now;

    public string DateHumanize_Never() => words.Never;

    public string DateHumanize(TimeUnit timeUnit, Tense timeUnitTense, int unit) => (timeUnit, timeUnitTense, unit) switch
    {
        (_, _, 0) => words.Now,
        (TimeUnit.Day, Tense.Past, 1) => words.Yesterday,
        (TimeUnit.Day, Tense.Future, 1) => words.Tomorrow,
        (_, Tense.Past, _) => string.Format(culture, words.Ago, Quantity(unit, words.PastUnits[timeUnit])),
        _ => string.Format(culture, words.FromNow, Quantity(unit, words.FutureUnits[timeUnit])),
    };

    public string TimeSpanHumanize_Zero() => words.NoTime;

    // Humanizer has Russian number words built in but no Kazakh ones, so Kazakh keeps digits.
    public string TimeSpanHumanize(TimeUnit timeUnit, int unit, bool toWords = false)
    {
        var forms = words.DurationUnits[timeUnit];
        return toWords && words.UnitGenders.TryGetValue(timeUnit, out var gender)
            ? unit.ToWords(gender, culture) + " " + Plural.Word(words.Language, unit, forms)
            : Quantity(unit, forms);
    }

    public string DataUnitHumanize(DataUnit dataUnit, double count, bool toSymbol = true)
    {
        if (toSymbol)
        {
            return words.DataSymbols[dataUnit];
        }

        // A fractional amount takes the genitive singular in Russian ("1,5 килобайта"), the same form as 2–4.
        var forms = words.DataUnits[dataUnit];
        return double.IsInteger(count) ? Plural.Word(words.Language, (long)count, forms) : Plural.Word(words.Language, 2, forms);
    }

    public string TimeUnitHumanize(TimeUnit timeUnit) => words.UnitSymbols[timeUnit];

    private string Quantity(int unit, string forms) =>
        unit.ToString(culture) + " " + Plural.Word(words.Language, unit, forms);
}
