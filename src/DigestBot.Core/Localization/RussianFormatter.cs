using System.Globalization;
using DigestBot.Core.Articles;
using Humanizer;

namespace DigestBot.Core.Localization;

/// <summary>Humanizer's Russian words (Humanizer.Core.ru), with the few that we write differently.</summary>
/// <remarks>Humanizer's own Russian formatter is internal and its registry cannot be read before ours is added (it freezes
/// on first use), so the formatter's two rules are restated here: which plural form a count takes and the gender of number
/// words.</remarks>
internal sealed class RussianFormatter(CultureInfo culture) : DefaultFormatter(culture)
{
    // Humanizer says "сейчас" ("at present"); a card's date is a moment just past, "только что".
    private const string Now = "только что";

    // GOST 8.417 writes unit symbols without a period ("ч", "мин", "с"); Humanizer writes "ч.", "мин.", "сек.".
    private static readonly Dictionary<TimeUnit, string> UnitSymbols = new()
    {
        [TimeUnit.Millisecond] = "мс",
        [TimeUnit.Second] = "с",
        [TimeUnit.Minute] = "мин",
        [TimeUnit.Hour] = "ч",
        [TimeUnit.Day] = "дн",
        [TimeUnit.Week] = "нед",
        [TimeUnit.Month] = "мес",
        [TimeUnit.Year] = "г",
    };

    // Humanizer has one form per unit ("2 килобайт"); Russian needs three, written as for Plural.Word.
    private static readonly Dictionary<DataUnit, string> DataUnits = new()
    {
        [DataUnit.Bit] = "бит|бита|бит",
        [DataUnit.Byte] = "байт|байта|байт",
        [DataUnit.Kilobyte] = "килобайт|килобайта|килобайт",
        [DataUnit.Megabyte] = "мегабайт|мегабайта|мегабайт",
        [DataUnit.Gigabyte] = "гигабайт|гигабайта|гигабайт",
        [DataUnit.Terabyte] = "терабайт|терабайта|терабайт",
    };

    public override string DateHumanize_Now() => Now;

    // Humanizer reaches "now" through a zero count here, not through DateHumanize_Now.
    public override string DateHumanize(TimeUnit timeUnit, Tense timeUnitTense, int unit) =>
        unit == 0 ? Now : base.DateHumanize(timeUnit, timeUnitTense, unit);

    // A fractional amount takes the genitive singular ("1,5 килобайта"), the same form as 2–4.
    public override string DataUnitHumanize(DataUnit dataUnit, double count, bool toSymbol = true) => toSymbol
        ? base.DataUnitHumanize(dataUnit, count, toSymbol)
        : Plural.Word(Language.Ru, double.IsInteger(count) ? (long)count : 2, DataUnits[dataUnit]);

    public override string TimeUnitHumanize(TimeUnit timeUnit) => UnitSymbols[timeUnit];

    // Humanizer.Core.ru keys a count's phrase by its plural form: "_Singular" for 21, "_Paucal" for 22, none for 25.
    protected override string GetResourceKey(string resourceKey, int number) => PluralRules.Select(Language.Ru, number) switch
    {
        PluralCategory.One => resourceKey + "_Singular",
        PluralCategory.Few => resourceKey + "_Paucal",
        _ => resourceKey,
    };

    // "одна минута", "один час": the number word agrees with the unit's gender.
    protected override string NumberToWords(TimeUnit unit, int number, CultureInfo culture) =>
        number.ToWords(unit is TimeUnit.Hour or TimeUnit.Day or TimeUnit.Month or TimeUnit.Year ? GrammaticalGender.Masculine : GrammaticalGender.Feminine, culture);
}
