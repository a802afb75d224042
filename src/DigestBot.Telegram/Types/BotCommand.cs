namespace DigestBot.Telegram.Types;

/// <summary>A command shown in the client's command menu.</summary>
public sealed record BotCommand(string Command, string Description);
