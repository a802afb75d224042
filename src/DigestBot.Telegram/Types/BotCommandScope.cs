namespace DigestBot.Telegram.Types;

/// <summary>The chats a list of bot commands applies to.</summary>
public sealed record BotCommandScope
{
    private BotCommandScope(string type) => Type = type;

    public static BotCommandScope Default { get; } = new("default");

    public static BotCommandScope AllPrivateChats { get; } = new("all_private_chats");

    public static BotCommandScope AllGroupChats { get; } = new("all_group_chats");

    public string Type { get; }
}
