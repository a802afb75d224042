using System.Globalization;
using System.Text.RegularExpressions;

namespace DigestBot.Core.Schedules;

/// <summary>Reads the time zone a reader names: an IANA id, a UTC offset, or a city in Russian, Kazakh or English.</summary>
public static partial class ScheduleZone
{
    // Cities readers are likely to name; each maps to the IANA zone that keeps its clocks, daylight saving included.
    private static readonly Dictionary<string, string> Cities = new(StringComparer.OrdinalIgnoreCase)
    {
        ["almaty"] = "Asia/Almaty",
        ["алматы"] = "Asia/Almaty",
        ["алма-ата"] = "Asia/Almaty",
        ["astana"] = "Asia/Almaty",
        ["астана"] = "Asia/Almaty",
        ["nur-sultan"] = "Asia/Almaty",
        ["shymkent"] = "Asia/Almaty",
        ["шымкент"] = "Asia/Almaty",
        ["karaganda"] = "Asia/Almaty",
        ["караганда"] = "Asia/Almaty",
        ["қарағанды"] = "Asia/Almaty",
        ["aktobe"] = "Asia/Aqtobe",
        ["актобе"] = "Asia/Aqtobe",
        ["ақтөбе"] = "Asia/Aqtobe",
        ["aktau"] = "Asia/Aqtau",
        ["актау"] = "Asia/Aqtau",
        ["ақтау"] = "Asia/Aqtau",
        ["atyrau"] = "Asia/Atyrau",
        ["атырау"] = "Asia/Atyrau",
        ["oral"] = "Asia/Oral",
        ["uralsk"] = "Asia/Oral",
        ["уральск"] = "Asia/Oral",
        ["орал"] = "Asia/Oral",
        ["kostanay"] = "Asia/Qostanay",
        ["костанай"] = "Asia/Qostanay",
        ["қостанай"] = "Asia/Qostanay",
        ["kyzylorda"] = "Asia/Qyzylorda",
        ["кызылорда"] = "Asia/Qyzylorda",
        ["қызылорда"] = "Asia/Qyzylorda",
        ["tashkent"] = "Asia/Tashkent",
        ["ташкент"] = "Asia/Tashkent",
        ["bishkek"] = "Asia/Bishkek",
        ["бишкек"] = "Asia/Bishkek",
        ["moscow"] = "Europe/Moscow",
        ["москва"] = "Europe/Moscow",
        ["мәскеу"] = "Europe/Moscow",
        ["london"] = "Europe/London",
        ["лондон"] = "Europe/London",
        ["berlin"] = "Europe/Berlin",
        ["берлин"] = "Europe/Berlin",
        ["paris"] = "Europe/Paris",
        ["париж"] = "Europe/Paris",
        ["istanbul"] = "Europe/Istanbul",
        ["стамбул"] = "Europe/Istanbul",
        ["dubai"] = "Asia/Dubai",
        ["дубай"] = "Asia/Dubai",
        ["beijing"] = "Asia/Shanghai",
        ["пекин"] = "Asia/Shanghai",
        ["бейжің"] = "Asia/Shanghai",
        ["new york"] = "America/New_York",
        ["нью-йорк"] = "America/New_York",
        ["utc"] = "UTC",
        ["gmt"] = "UTC",
    };

    /// <summary>Finds the zone; <paramref name="id"/> is what to store: an IANA id or "UTC+05:30".</summary>
    public static bool TryParse(string? text, out TimeZoneInfo zone, out string id)
    {
        zone = TimeZoneInfo.Utc;
        id = "UTC";
        var name = text?.Trim() ?? "";
        if (name.Length is 0 or > 64)
        {
            return false;
        }

        if (Cities.TryGetValue(name, out var city))
        {
            name = city;
        }

        if (Offset().Match(name) is { Success: true } match)
        {
            var hours = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
            var minutes = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
            if (hours > 14 || minutes is not (0 or 15 or 30 or 45))
            {
                return false;
            }

            var offset = new TimeSpan(hours, minutes, 0) * (match.Groups["sign"].Value == "-" ? -1 : 1);
            id = offset == TimeSpan.Zero ? "UTC" : $"UTC{(offset < TimeSpan.Zero ? "-" : "+")}{offset:hh\\:mm}";
            zone = offset == TimeSpan.Zero ? TimeZoneInfo.Utc : TimeZoneInfo.CreateCustomTimeZone(id, offset, id, id);
            return true;
        }

        // Only IANA ids: Windows names would also be found on some systems, and then stored ids would not travel.
        if (!name.Contains('/') && !name.Equals("UTC", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(name);
            id = zone.Id;
            return true;
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }

    /// <summary>Turns a stored id back into its zone.</summary>
    public static TimeZoneInfo Resolve(string id) =>
        TryParse(id, out var zone, out _) ? zone : throw new TimeZoneNotFoundException($"Unknown stored time zone '{id}'.");

    [GeneratedRegex(@"^(?:UTC|GMT)?\s*(?<sign>[+-−])\s*(?<h>\d{1,2})(?::?(?<m>\d{2}))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Offset();
}
