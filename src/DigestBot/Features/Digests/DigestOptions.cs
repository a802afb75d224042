using DigestBot.Core.Schedules;
using Microsoft.Extensions.Options;

namespace DigestBot.Features.Digests;

/// <summary>Daily digests (section <c>Digest</c>).</summary>
public sealed class DigestOptions
{
    public const string Section = "Digest";

    /// <summary>When a new subscription's digest comes, local time, HH:MM.</summary>
    public string DefaultTime { get; set; } = "09:00";

    /// <summary>A new subscription's time zone: an IANA id, a UTC offset or a known city.</summary>
    public string DefaultTimeZone { get; set; } = "Asia/Almaty";

    /// <summary>At most this many articles in one digest.</summary>
    public int MaxItems { get; set; } = 7;

    /// <summary>A digest missed by at most this much (the bot was down) is sent once at start.</summary>
    public TimeSpan CatchUpWindow { get; set; } = TimeSpan.FromHours(6);
}

internal sealed class DigestOptionsValidator : IValidateOptions<DigestOptions>
{
    public ValidateOptionsResult Validate(string? name, DigestOptions options)
    {
        var failures = new List<string>();
        if (!DigestTime.TryParse(options.DefaultTime, out _))
        {
            failures.Add($"Digest:DefaultTime (env Digest__DefaultTime) must be a time of day such as 09:00, not '{options.DefaultTime}'.");
        }

        if (!ScheduleZone.TryParse(options.DefaultTimeZone, out _, out _))
        {
            failures.Add($"Digest:DefaultTimeZone (env Digest__DefaultTimeZone) must be an IANA time zone such as Asia/Almaty, a UTC offset such as UTC+5, or a known city, not '{options.DefaultTimeZone}'.");
        }

        if (options.MaxItems is < 1 or > 20)
        {
            failures.Add($"Digest:MaxItems (env Digest__MaxItems) must be between 1 and 20, not {options.MaxItems}.");
        }

        if (options.CatchUpWindow < TimeSpan.Zero || options.CatchUpWindow > TimeSpan.FromDays(1))
        {
            failures.Add($"Digest:CatchUpWindow (env Digest__CatchUpWindow) must be between 00:00:00 and 1.00:00:00, not {options.CatchUpWindow}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
