using System.Globalization;
using Humanizer;

namespace DigestBot.Core.Localization;

/// <summary>Humanizer's formatter for Kazakh, for which Humanizer ships no resources.</summary>
/// <remarks>Kazakh nouns keep one form after a number; the future takes the ablative case with "кейін" ("after").</remarks>
internal sealed class KazakhFormatter(CultureInfo culture) : IFormatter
{
    private const string Now = "қазір";

    private static readonly Dictionary<TimeUnit, string> Units = new()
    {
        [TimeUnit.Millisecond] = "миллисекунд",
        [TimeUnit.Second] = "секунд",
        [TimeUnit.Minute] = "минут",
        [TimeUnit.Hour] = "сағат",
        [TimeUnit.Day] = "күн",
        [TimeUnit.Week] = "апта",
        [TimeUnit.Month] = "ай",
        [TimeUnit.Year] = "жыл",
    };

    private static readonly Dictionary<TimeUnit, string> AblativeUnits = new()
    {
        [TimeUnit.Millisecond] = "миллисекундтан",
        [TimeUnit.Second] = "секундтан",
        [TimeUnit.Minute] = "минуттан",
        [TimeUnit.Hour] = "сағаттан",
        [TimeUnit.Day] = "күннен",
        [TimeUnit.Week] = "аптадан",
        [TimeUnit.Month] = "айдан",
        [TimeUnit.Year] = "жылдан",
    };

    private static readonly Dictionary<TimeUnit, string> UnitSymbols = new()
    {
        [TimeUnit.Millisecond] = "мс",
        [TimeUnit.Second] = "с",
        [TimeUnit.Minute] = "мин",
        [TimeUnit.Hour] = "сағ",
        [TimeUnit.Day] = "күн",
        [TimeUnit.Week] = "апта",
        [TimeUnit.Month] = "ай",
        [TimeUnit.Year] = "ж",
    };

    private static readonly Dictionary<DataUnit, string> DataUnits = new()
    {
        [DataUnit.Bit] = "бит",
        [DataUnit.Byte] = "байт",
        [DataUnit.Kilobyte] = "килобайт",
        [DataUnit.Megabyte] = "мегабайт",
        [DataUnit.Gigabyte] = "гигабайт",
        [DataUnit.Terabyte] = "терабайт",
    };

    private static readonly Dictionary<DataUnit, string> DataSymbols = new()
    {
        [DataUnit.Bit] = "бит",
        [DataUnit.Byte] = "Б",
        [DataUnit.Kilobyte] = "КБ",
        [DataUnit.Megabyte] = "МБ",
        [DataUnit.Gigabyte] = "ГБ",
        [DataUnit.Terabyte] = "ТБ",
    };

    public string DateHumanize_Now() => Now;

    public string DateHumanize_Never() => "ешқашан";

    public string DateHumanize(TimeUnit timeUnit, Tense timeUnitTense, int unit) => (timeUnit, timeUnitTense, unit) switch
    {
        (_, _, 0) => Now,
        (TimeUnit.Day, Tense.Past, 1) => "кеше",
        (TimeUnit.Day, Tense.Future, 1) => "ертең",
        (_, Tense.Past, _) => Quantity(unit, Units[timeUnit]) + " бұрын",
        _ => Quantity(unit, AblativeUnits[timeUnit]) + " кейін",
    };

    public string TimeSpanHumanize_Zero() => "уақыт жоқ";

    // Humanizer has no Kazakh number words, so durations keep digits even when words are asked for.
    public string TimeSpanHumanize(TimeUnit timeUnit, int unit, bool toWords = false) => Quantity(unit, Units[timeUnit]);

    // An age reads as the bare duration, "5 жыл", as Humanizer's Russian does.
    public string TimeSpanHumanize_Age() => "{0}";

    public string DataUnitHumanize(DataUnit dataUnit, double count, bool toSymbol = true) =>
        toSymbol ? DataSymbols[dataUnit] : DataUnits[dataUnit];

    public string TimeUnitHumanize(TimeUnit timeUnit) => UnitSymbols[timeUnit];

    private string Quantity(int unit, string word) => unit.ToString(culture) + " " + word;
}
