using System.Globalization;

namespace DigestBot.Core.Schedules;

/// <summary>Reads the time of day a reader gives for a digest: "9:30", "09:30", "21.00", "9".</summary>
public static class DigestTime
{
    private static readonly string[] Formats = ["H:mm", "HH:mm", "H.mm", "HH.mm", "%H", "HH"];

    public static bool TryParse(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text?.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    public static string Format(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}
