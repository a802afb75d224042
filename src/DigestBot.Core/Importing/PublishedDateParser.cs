using System.Globalization;
using System.Text.RegularExpressions;

namespace DigestBot.Core.Importing;

/// <summary>
/// Reads publication dates written the Russian, Kazakh and English ways, ISO 8601 and RFC 822.
/// A date without an offset is Asia/Almaty local time: UTC+5, the single Kazakhstan zone since March 2024.
/// </summary>
internal static partial class PublishedDateParser
{
    public static readonly TimeSpan AlmatyOffset = TimeSpan.FromHours(5);

    private const RegexOptions Words = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled;

    /// <summary>Month name stems: a word that starts with a stem, or is an abbreviation of one (three letters or more), names that month.</summary>
    private static readonly (string Stem, int Month)[] MonthStems = [.. PageVocabulary.All.SelectMany(words => words.Months)];

    private static readonly Regex UpdatedLabel = new($@"(?<!\p{{L}})(?:{PageVocabulary.Alternation(w => w.UpdatedLabels)})(?!\p{{L}})", Words);

    /// <summary>Every label and word a dateline may hold besides its date and time.</summary>
    private static readonly Regex DateLabel = new(
        $@"(?<!\p{{L}})(?:{PageVocabulary.Alternation(w => [.. w.PublishedLabels, .. w.UpdatedLabels, .. w.DateWords])})(?!\p{{L}})", Words);

    /// <summary>Finds the first date in <paramref name="text"/>; the time of day, if any, is taken from the same text.</summary>
    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var iso = IsoDate().Match(text);
        if (iso.Success && TryBuild(iso, Number(iso, "y"), Number(iso, "m"), Number(iso, "d"), out var isoDate))
        {
            return isoDate;
        }

        foreach (var regex in (ReadOnlySpan<Regex>)[KazakhDate(), DayMonthYear(), MonthDayYear(), DottedDate()])
        {
            for (var match = regex.Match(text); match.Success; match = match.NextMatch())
            {
                var month = match.Groups["mon"].Success ? MonthOf(match.Groups["mon"].Value) : Number(match, "m");
                var time = TimeOfDay().Match(text);
                if (TryBuild(time, Number(match, "y"), month, Number(match, "d"), out var date))
                {
                    return date;
                }
            }
        }

        return null;
    }

    /// <summary>A line that holds a date and nothing else but a time and a label such as "Опубликовано:" is a dateline, not prose.</summary>
    public static bool IsDateLine(string line, out DateTimeOffset date) => IsDateLine(line, out date, out _);

    /// <summary>As above; <paramref name="updated"/> tells a dateline labelled as an update ("Обновлено", "Жаңартылды", "Updated").</summary>
    public static bool IsDateLine(string line, out DateTimeOffset date, out bool updated)
    {
        date = default;
        updated = false;
        if (line.Length > 80 || !line.AsSpan().ContainsAnyInRange('0', '9') || Parse(line) is not { } parsed || HasOtherWords(AnyDate().Replace(line, " ")))
        {
            return false;
        }

        date = parsed;
        updated = UpdatedLabel.IsMatch(line);
        return true;
    }

    /// <summary>"Бүгін, 08:15", "Вчера в 18:40", "Today, 10:05": a dateline that gives a time but no day we can know.</summary>
    public static bool IsRelativeDateLine(string line) =>
        line.Length <= 40 && TimeOfDay().IsMatch(line) && line.Any(char.IsLetter) && !HasOtherWords(line);

    private static bool HasOtherWords(string text) => DateLabel.Replace(TimeOfDay().Replace(text, " "), " ").Any(char.IsLetter);

    private static int MonthOf(string word)
    {
        var lower = word.ToLowerInvariant();
        foreach (var (stem, month) in MonthStems)
        {
            if (lower.StartsWith(stem, StringComparison.Ordinal) || (lower.Length >= 3 && stem.StartsWith(lower, StringComparison.Ordinal)))
            {
                return month;
            }
        }

        return 0;
    }

    private static int Number(Match match, string group) =>
        match.Groups[group] is { Success: true } g ? int.Parse(g.ValueSpan, CultureInfo.InvariantCulture) : 0;

    /// <summary>Builds the instant; <paramref name="time"/> supplies hours, minutes, seconds and an offset when it matched.</summary>
    private static bool TryBuild(Match time, int year, int month, int day, out DateTimeOffset result)
    {
        result = default;
        if (year is < 1990 or > 2100 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        int hour = 0, minute = 0, second = 0;
        var offset = AlmatyOffset;
        if (time.Success && time.Groups["H"].Success)
        {
            hour = Number(time, "H");
            if (time.Groups["half"] is { Success: true } half)
            {
                // 12:30 am is half past midnight, 12:30 pm half past noon.
                hour = hour % 12 + (char.ToLowerInvariant(half.Value[0]) == 'p' ? 12 : 0);
            }

            minute = Number(time, "M");
            second = Number(time, "S");
            if (hour > 23 || minute > 59 || second > 59)
            {
                return false;
            }

            if (time.Groups["z"] is { Success: true } zone && !TryParseOffset(zone.Value, out offset))
            {
                return false;
            }
        }

        result = new DateTimeOffset(year, month, day, hour, minute, second, offset);
        return true;
    }

    private static bool TryParseOffset(string zone, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (zone is "Z" or "GMT" or "UT" or "UTC")
        {
            return true;
        }

        var digits = zone.Replace(":", "", StringComparison.Ordinal);
        if (digits.Length != 5 || !int.TryParse(digits.AsSpan(1, 2), CultureInfo.InvariantCulture, out var hours)
            || !int.TryParse(digits.AsSpan(3, 2), CultureInfo.InvariantCulture, out var minutes) || hours > 14 || minutes > 59)
        {
            return false;
        }

        offset = new TimeSpan(hours, minutes, 0) * (digits[0] == '-' ? -1 : 1);
        return true;
    }

    [GeneratedRegex(@"\b(?<y>\d{4})-(?<m>\d{1,2})-(?<d>\d{1,2})(?:[T ](?<H>\d{1,2}):(?<M>\d{2})(?::(?<S>\d{2})(?:[.,]\d+)?)?\s*(?<z>Z|[+-]\d{2}:?\d{2})?)?")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"\b(?<y>\d{4})\s*(?:жылғы|жылы|ж\.)\s*(?<d>\d{1,2})(?:-(?:ші|шы))?\s+(?<mon>\p{L}{3,})", RegexOptions.IgnoreCase)]
    private static partial Regex KazakhDate();

    [GeneratedRegex(@"\b(?<d>\d{1,2})(?:-(?:го|ші|шы))?\s+(?<mon>\p{L}{3,})\.?,?\s+(?<y>\d{4})\b", RegexOptions.IgnoreCase)]
    private static partial Regex DayMonthYear();

    [GeneratedRegex(@"\b(?<mon>\p{L}{3,})\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<y>\d{4})\b", RegexOptions.IgnoreCase)]
    private static partial Regex MonthDayYear();

    [GeneratedRegex(@"\b(?<d>\d{1,2})[./](?<m>\d{1,2})[./](?<y>\d{4})\b")]
    private static partial Regex DottedDate();

    [GeneratedRegex(@"\b(?<H>[01]?\d|2[0-3]):(?<M>[0-5]\d)(?::(?<S>[0-5]\d))?(?:\s*(?<half>[ap])\.?m\b\.?)?(?:\s*(?<z>GMT|UTC|UT|Z|[+-]\d{2}:?\d{2})\b)?", RegexOptions.IgnoreCase)]
    private static partial Regex TimeOfDay();

    /// <summary>Every date shape above, with its month word, for blanking a dateline out.</summary>
    [GeneratedRegex(@"\d{4}-\d{1,2}-\d{1,2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?|\d{4}\s*(?:жылғы|жылы|ж\.)\s*\d{1,2}(?:-(?:ші|шы))?\s+\p{L}+|\d{1,2}(?:-(?:го|ші|шы))?\s+\p{L}+\.?,?\s+\d{4}|\p{L}+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}[./]\d{1,2}[./]\d{4}", RegexOptions.IgnoreCase)]
    private static partial Regex AnyDate();
}
