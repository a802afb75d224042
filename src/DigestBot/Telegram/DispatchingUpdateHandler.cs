using DigestBot.Conversation;
using DigestBot.Telegram.Receiving;
using DigestBot.Telegram.Types;

namespace DigestBot.Telegram;

/// <summary>Hands each received update to the dispatcher, with replies going back through the Bot API.</summary>
public sealed class DispatchingUpdateHandler(Dispatcher dispatcher, TelegramReplies replies) : IUpdateHandler
{
    public Task HandleAsync(Update update, CancellationToken cancellationToken) =>
        dispatcher.DispatchAsync(update, replies, cancellationToken);
}
