using DigestBot.Core.Articles;
using Humanizer;
using Humanizer.Localisation;

namespace DigestBot.Core.Localization;

/// <summary>The words one language needs to humanize times and sizes; unit forms are written as for <see cref="Plural.Word"/>.</summary>
/// <param name="Ago">"{0}" is the number and unit, e.g. "{0} назад".</param>
/// <param name="FromNow">"{0}" is the number and unit in <paramref name="FutureUnits"/>' form, e.g. "через {0}".</param>
/// <param name="PastUnits">Unit forms after a number in the past, e.g. Russian accusative "минуту|минуты|минут".</param>
/// <param name="FutureUnits">Unit forms after a number in the future, e.g. Kazakh ablative "минуттан".</param>
/// <param name="DurationUnits">Unit forms of a plain duration, e.g. Russian nominative "минута|минуты|минут".</param>
internal sealed record HumanizerWords(
    Language Language,
    string Now,
    string Never,
    string Yesterday,
    string Tomorrow,
    string NoTime,
    string Ago,
    string FromNow,
    IReadOnlyDictionary<TimeUnit, string> PastUnits,
    IReadOnlyDictionary<TimeUnit, string> FutureUnits,
    IReadOnlyDictionary<TimeUnit, string> DurationUnits,
    IReadOnlyDictionary<TimeUnit, GrammaticalGender> UnitGenders,
    IReadOnlyDictionary<TimeUnit, string> UnitSymbols,
    IReadOnlyDictionary<DataUnit, string> DataUnits,
    IReadOnlyDictionary<DataUnit, string> DataSymbols)
{
    public static HumanizerWords Russian { get; } = new(
        Language.Ru,
        Now: "только что",
        Never: "никогда",
        Yesterday: "вчера",
        Tomorrow: "завтра",
        NoTime: "нет времени",
        Ago: "{0} назад",
        FromNow: "через {0}",
        PastUnits: RussianAccusative(),
        FutureUnits: RussianAccusative(),
        DurationUnits: new Dictionary<TimeUnit, string>
        {
            [TimeUnit.Millisecond] = "миллисекунда|миллисекунды|миллисекунд",
            [TimeUnit.Second] = "секунда|секунды|секунд",
            [TimeUnit.Minute] = "минута|минуты|минут",
            [TimeUnit.Hour] = "час|часа|часов",
            [TimeUnit.Day] = "день|дня|дней",
            [TimeUnit.Week] = "неделя|недели|недель",
            [TimeUnit.Month] = "месяц|месяца|месяцев",
            [TimeUnit.Year] = "год|года|лет",
        },
        UnitGenders: new Dictionary<TimeUnit, GrammaticalGender>
        {
            [TimeUnit.Millisecond] = GrammaticalGender.Feminine,
            [TimeUnit.Second] = GrammaticalGender.Feminine,
            [TimeUnit.Minute] = GrammaticalGender.Feminine,
            [TimeUnit.Hour] = GrammaticalGender.Masculine,
            [TimeUnit.Day] = GrammaticalGender.Masculine,
            [TimeUnit.Week] = GrammaticalGender.Feminine,
            [TimeUnit.Month] = GrammaticalGender.Masculine,
            [TimeUnit.Year] = GrammaticalGender.Masculine,
        },
        UnitSymbols: new Dictionary<TimeUnit, string>
        {
            [TimeUnit.Millisecond] = "мс",
            [TimeUnit.Second] = "с",
            [TimeUnit.Minute] = "мин",
            [TimeUnit.Hour] = "ч",
            [TimeUnit.Day] = "дн",
            [TimeUnit.Week] = "нед",
            [TimeUnit.Month] = "мес",
            [TimeUnit.Year] = "г",
        },
        DataUnits: new Dictionary<DataUnit, string>
        {
            [DataUnit.Bit] = "бит|бита|бит",
            [DataUnit.Byte] = "байт|байта|байт",
            [DataUnit.Kilobyte] = "килобайт|килобайта|килобайт",
            [DataUnit.Megabyte] = "мегабайт|мегабайта|мегабайт",
            [DataUnit.Gigabyte] = "гигабайт|гигабайта|гигабайт",
            [DataUnit.Terabyte] = "терабайт|терабайта|терабайт",
        },
        DataSymbols: CyrillicDataSymbols());

    // Kazakh nouns keep one form after a number; the future takes the ablative case with "кейін" ("after").
    public static HumanizerWords Kazakh { get; } = new(
        Language.Kk,
        Now: "қазір",
        Never: "ешқашан",
        Yesterday: "кеше",
        Tomorrow: "ертең",
        NoTime: "уақыт жоқ",
        Ago: "{0} бұрын",
        FromNow: "{0} кейін",
        PastUnits: KazakhNominative(),
        FutureUnits: new Dictionary<TimeUnit, string>
        {
            [TimeUnit.Millisecond] = "миллисекундтан",
            [TimeUnit.Second] = "секундтан",
            [TimeUnit.Minute] = "минуттан",
            [TimeUnit.Hour] = "сағаттан",
            [TimeUnit.Day] = "күннен",
            [TimeUnit.Week] = "аптадан",
            [TimeUnit.Month] = "айдан",
            [TimeUnit.Year] = "жылдан",
        },
        DurationUnits: KazakhNominative(),
        UnitGenders: new Dictionary<TimeUnit, GrammaticalGender>(),
        UnitSymbols: new Dictionary<TimeUnit, string>
        {
            [TimeUnit.Millisecond] = "мс",
            [TimeUnit.Second] = "с",
            [TimeUnit.Minute] = "мин",
            [TimeUnit.Hour] = "сағ",
            [TimeUnit.Day] = "күн",
            [TimeUnit.Week] = "апта",
            [TimeUnit.Month] = "ай",
            [TimeUnit.Year] = "ж",
        },
        DataUnits: new Dictionary<DataUnit, string>
        {
            [DataUnit.Bit] = "бит",
            [DataUnit.Byte] = "байт",
            [DataUnit.Kilobyte] = "килобайт",
            [DataUnit.Megabyte] = "мегабайт",
            [DataUnit.Gigabyte] = "гигабайт",
            [DataUnit.Terabyte] = "терабайт",
        },
        DataSymbols: CyrillicDataSymbols());

    private static Dictionary<TimeUnit, string> RussianAccusative() => new()
    {
        [TimeUnit.Millisecond] = "миллисекунду|миллисекунды|миллисекунд",
        [TimeUnit.Second] = "секунду|секунды|секунд",
        [TimeUnit.Minute] = "минуту|минуты|минут",
        [TimeUnit.Hour] = "час|часа|часов",
        [TimeUnit.Day] = "день|дня|дней",
        [TimeUnit.Week] = "неделю|недели|недель",
        [TimeUnit.Month] = "месяц|месяца|месяцев",
        [TimeUnit.Year] = "год|года|лет",
    };

    private static Dictionary<TimeUnit, string> KazakhNominative() => new()
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

    private static Dictionary<DataUnit, string> CyrillicDataSymbols() => new()
    {
        [DataUnit.Bit] = "бит",
        [DataUnit.Byte] = "Б",
        [DataUnit.Kilobyte] = "КБ",
        [DataUnit.Megabyte] = "МБ",
        [DataUnit.Gigabyte] = "ГБ",
        [DataUnit.Terabyte] = "ТБ",
    };
}
