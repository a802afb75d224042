namespace DigestBot.Conversation;

/// <summary>Who the bot is on Telegram; its username tells commands for it from commands for other bots in a group.</summary>
public sealed class BotIdentity
{
    public string Username { get; set; } = "DigestBot";

    /// <summary>The bot's user id, once getMe has told it; admin checks ask about the bot's own membership by it.</summary>
    public long? Id { get; set; }
}
