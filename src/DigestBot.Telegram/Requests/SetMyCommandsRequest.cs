using System.Text.Json.Serialization;
using DigestBot.Telegram.Types;

namespace DigestBot.Telegram.Requests;

/// <summary>setMyCommands: the command menu for a scope and language.</summary>
public sealed record SetMyCommandsRequest(IReadOnlyList<BotCommand> Commands) : BotRequest<bool>("setMyCommands")
{
    public BotCommandScope? Scope { get; init; }

    /// <summary>A two-letter ISO 639-1 code; without one the commands apply to every language without its own list.</summary>
    public string? LanguageCode { get; init; }

    [JsonIgnore]
    internal override bool ResultIsOptional => true;
}
