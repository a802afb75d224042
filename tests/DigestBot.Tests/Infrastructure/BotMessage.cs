using System.Text.Json;

namespace DigestBot.Tests.Infrastructure;

/// <summary>A message the bot sent, as the emulator holds it now (edits applied, deleted ones gone).</summary>
/// <param name="Request">The bot's sendMessage parameters merged with later edits, for fields not modelled here.</param>
public sealed record BotMessage(
    long MessageId,
    EmulatedChat Chat,
    DateTimeOffset Date,
    string? Text,
    string? ParseMode,
    IReadOnlyList<IReadOnlyList<InlineButton>> InlineKeyboard,
    JsonElement Request)
{
    /// <summary>All inline buttons, row by row.</summary>
    public IEnumerable<InlineButton> Buttons => InlineKeyboard.SelectMany(row => row);
}

/// <summary>One button of an inline keyboard.</summary>
public sealed record InlineButton(string Text, string? CallbackData, string? Url);
