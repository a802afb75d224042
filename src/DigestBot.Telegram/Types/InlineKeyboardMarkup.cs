namespace DigestBot.Telegram.Types;

/// <summary>An inline keyboard shown under a message, as rows of buttons.</summary>
public sealed record InlineKeyboardMarkup(IReadOnlyList<IReadOnlyList<InlineKeyboardButton>> InlineKeyboard);

/// <summary>A button of an inline keyboard that either sends callback data or opens a URL.</summary>
public sealed record InlineKeyboardButton
{
    public required string Text { get; init; }

    public string? CallbackData { get; init; }

    public string? Url { get; init; }

    public static InlineKeyboardButton WithCallbackData(string text, string callbackData) => new() { Text = text, CallbackData = callbackData };

    public static InlineKeyboardButton WithUrl(string text, string url) => new() { Text = text, Url = url };
}
