using System.Globalization;
using DigestBot.Core.Articles;

namespace DigestBot.Core.Localization;

/// <summary>Dates for digest headers as each language writes them: "21 ноября 2026 г.", "2026 жылғы 21 қараша", "21 November 2026".</summary>
/// <remarks>Own tables rather than CultureInfo month names: ICU builds differ in Kazakh casing and Russian genitive forms.
/// Humanizer's ToOrdinalWords writes "21-й ноябрь 2026" in Russian and has no Kazakh.</remarks>
public static class DateWords
{
    private static readonly string[] RussianMonths =
        ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"];

    private static readonly string[] KazakhMonths =
        ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан"];

    private static readonly string[] EnglishMonths =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    // Indexed by DayOfWeek, which starts on Sunday.
    private static readonly string[] RussianWeekdays = ["воскресенье", "понедельник", "вторник", "среда", "четверг", "пятница", "суббота"];
    private static readonly string[] KazakhWeekdays = ["жексенбі", "дүйсенбі", "сейсенбі", "сәрсенбі", "бейсенбі", "жұма", "сенбі"];
    private static readonly string[] EnglishWeekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

    /// <summary>The full date with the year.</summary>
    public static string Format(DateOnly date, Language language)
    {
        var day = date.Day.ToString(CultureInfo.InvariantCulture);
        var year = date.Year.ToString(CultureInfo.InvariantCulture);
        return language switch
        {
            Language.Ru => $"{day} {RussianMonths[date.Month - 1]} {year} г.",
            Language.Kk => $"{year} жылғы {day} {KazakhMonths[date.Month - 1]}",
            Language.En => $"{day} {EnglishMonths[date.Month - 1]} {year}",
            _ => throw new ArgumentOutOfRangeException(nameof(language), language, null),
        };
    }

    /// <summary>The weekday with the day and month, for a digest of the current week: "суббота, 21 ноября".</summary>
    public static string FormatWithWeekday(DateOnly date, Language language)
    {
        var day = date.Day.ToString(CultureInfo.InvariantCulture);
        var weekday = (int)date.DayOfWeek;
        return language switch
        {
            Language.Ru => $"{RussianWeekdays[weekday]}, {day} {RussianMonths[date.Month - 1]}",
            Language.Kk => $"{day} {KazakhMonths[date.Month - 1]}, {KazakhWeekdays[weekday]}",
            Language.En => $"{EnglishWeekdays[weekday]}, {day} {EnglishMonths[date.Month - 1]}",
            _ => throw new ArgumentOutOfRangeException(nameof(language), language, null),
        };
    }
}
