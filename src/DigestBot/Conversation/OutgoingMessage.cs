namespace DigestBot.Conversation;

/// <summary>A reply: Telegram HTML and an optional inline keyboard.</summary>
public sealed record OutgoingMessage(string Html, IReadOnlyList<IReadOnlyList<Button>>? Buttons = null);

/// <summary>An inline keyboard button: callback data (at most 64 bytes) or a link.</summary>
public sealed record Button(string Text, string? CallbackData = null, string? Url = null);
