using Microsoft.Extensions.Options;

namespace DigestBot.Conversation;

/// <summary>How many commands a chat may send (section <c>Flood</c>); in a group each member is counted on their own.</summary>
public sealed class FloodOptions
{
    public const string Section = "Flood";

    /// <summary>Commands and button presses per minute before the bot says to slow down and stops answering; 0 is no limit.</summary>
    public int CommandsPerMinute { get; set; } = 20;
}

internal sealed class FloodOptionsValidator : IValidateOptions<FloodOptions>
{
    public ValidateOptionsResult Validate(string? name, FloodOptions options) =>
        options.CommandsPerMinute < 0
            ? ValidateOptionsResult.Fail(
                $"Flood:CommandsPerMinute (env Flood__CommandsPerMinute) must be 0 (no limit) or a number of commands such as 20, not {options.CommandsPerMinute}.")
            : ValidateOptionsResult.Success;
}
