namespace DigestBot.Conversation;

/// <summary>A reply: Telegram HTML, an optional inline keyboard, and an optional picture to show as its link preview.</summary>
/// <param name="PreviewUrl">An http(s) address Telegram previews above the text (the top article's image); null shows no preview.</param>
public sealed record OutgoingMessage(string Html, IReadOnlyList<IReadOnlyList<Button>>? Buttons = null, string? PreviewUrl = null);

/// <summary>An inline keyboard button: callback data (at most 64 bytes) or a link.</summary>
public sealed record Button(string Text, string? CallbackData = null, string? Url = null);
