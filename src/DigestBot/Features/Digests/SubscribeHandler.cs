using DigestBot.Conversation;
using DigestBot.Core.Rendering;
using DigestBot.Core.Schedules;
using DigestBot.Core.Topics;
using Telegram.Bot.Types.Enums;

namespace DigestBot.Features.Digests;

/// <summary>/subscribe [topic ...] and /unsubscribe: a private chat's daily digest.</summary>
public sealed class SubscribeHandler(SubscriptionStore subscriptions, ChatDirectory chats, TopicCatalog catalog) : IChatHandler
{
    public async Task HandleAsync(ChatTurn turn, CancellationToken cancellationToken)
    {
        if (turn.Chat.Type != ChatType.Private)
        {
            await turn.ReplyAsync(turn.Text("Subscribe_GroupHint"), cancellationToken);
            return;
        }

        if (turn.Command == "unsubscribe")
        {
            var removed = await subscriptions.UnsubscribeAsync(turn.ChatId, cancellationToken);
            await turn.ReplyAsync(turn.Text(removed ? "Unsubscribe_Done" : "Unsubscribe_None"), cancellationToken);
            return;
        }

        var (topics, unknown) = TopicList.Parse(catalog, turn.Arguments);
        if (unknown.Count > 0)
        {
            await turn.ReplyAsync(turn.Text("Subscribe_UnknownTopics", TelegramHtml.Escape(string.Join(", ", unknown))), cancellationToken);
            return;
        }

        var subscription = await subscriptions.SubscribeAsync(turn.Chat, topics, managedBy: null, cancellationToken);
        await chats.KeepLanguageAsync(turn.Chat, turn.Language, cancellationToken);
        await turn.ReplyAsync(turn.Text("Subscribe_Done", DigestTime.Format(subscription.Time), TelegramHtml.Escape(subscription.TimeZone), TopicList.Describe(turn, catalog, subscription.TopicIds)), cancellationToken);
    }
}
