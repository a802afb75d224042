namespace DigestBot.Storage;

/// <summary>A small named value the bot keeps across restarts, such as the last handled update id.</summary>
public sealed class BotState
{
    public required string Key { get; set; }

    public required string Value { get; set; }
}
