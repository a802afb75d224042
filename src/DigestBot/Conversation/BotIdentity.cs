namespace DigestBot.Conversation;

/// <summary>Who the bot is on Telegram; its username tells commands for it from commands for other bots in a group.</summary>
public sealed class BotIdentity
{
    public string Username { get; set; } = "DigestBot";
}
