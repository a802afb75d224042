using DigestBot.Conversation;
using DigestBot.Core.Rendering;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace DigestBot.TelegramHost;

/// <summary>Sends replies through the Bot API: valid HTML, split within Telegram's limits, buttons on the last part.</summary>
public sealed class TelegramReplies(ITelegramBotClient client, ILogger<TelegramReplies> logger) : IReplySink, IDeliverySink
{
    // Several article links in one message would each want a preview: only the top article's picture is shown, if any.
    private static readonly LinkPreviewOptions NoPreview = new() { IsDisabled = true };

    public Task SendAsync(long chatId, OutgoingMessage message, CancellationToken cancellationToken) =>
        SendAsync(chatId, message, [], cancellationToken);

    public async Task SendAsync(long chatId, OutgoingMessage message, ICollection<int> sentIds, CancellationToken cancellationToken)
    {
        var parts = MessageSplitter.Split(message.Html, TelegramHtml.MaxMessageLength);
        for (var i = 0; i < parts.Count; i++)
        {
            var last = i == parts.Count - 1;
            var sent = await client.SendMessage(
                chatId,
                parts[i],
                ParseMode.Html,
                replyMarkup: last ? Keyboard(message.Buttons) : null,
                linkPreviewOptions: i == 0 && message.PreviewUrl is { } preview
                    ? new LinkPreviewOptions { Url = preview, PreferLargeMedia = true, ShowAboveText = true }
                    : NoPreview,
                cancellationToken: cancellationToken);
            sentIds.Add(sent.MessageId);
        }
    }

    public async Task RemoveButtonsAsync(long chatId, int messageId, CancellationToken cancellationToken)
    {
        try
        {
            await client.EditMessageReplyMarkup(chatId, messageId, cancellationToken: cancellationToken);
        }
        catch (RequestException ex)
        {
            // The message may be gone or already without buttons, or the answer lost; the new page is what matters.
            logger.LogDebug("Telegram: unable to remove buttons of message {MessageId} in {ChatId}: {Message}", messageId, chatId, ex.Message);
        }
    }

    public Task AnswerCallbackAsync(string callbackQueryId, string? notice, CancellationToken cancellationToken) =>
        client.AnswerCallbackQuery(callbackQueryId, notice, cancellationToken: cancellationToken);

    private static InlineKeyboardMarkup? Keyboard(IReadOnlyList<IReadOnlyList<Button>>? buttons) =>
        buttons is null || buttons.Count == 0
            ? null
            : new InlineKeyboardMarkup(buttons.Select(row => row.Select(ToInline)));

    private static InlineKeyboardButton ToInline(Button button) => button.Url is { } url
        ? InlineKeyboardButton.WithUrl(button.Text, url)
        : InlineKeyboardButton.WithCallbackData(button.Text, button.CallbackData ?? "");
}
