using DigestBot.Conversation;
using DigestBot.Core.Rendering;
using DigestBot.Core.Topics;
using DigestBot.Storage;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace DigestBot.Features.Digests;

/// <summary>/subscribe [topic ...] and /unsubscribe: a private chat's daily digest.</summary>
public sealed class SubscribeHandler(SubscriptionStore subscriptions, ChatDirectory chats, TopicCatalog catalog) : IChatHandler
{
    public IReadOnlyList<string> Commands => ["subscribe", "unsubscribe"];

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

        var (topics, unknown) = ParseTopics(catalog, turn.Arguments);
        if (unknown.Count > 0)
        {
            await turn.ReplyAsync(turn.Text("Subscribe_UnknownTopics", TelegramHtml.Escape(string.Join(", ", unknown))), cancellationToken);
            return;
        }

        var subscription = await subscriptions.SubscribeAsync(turn.Chat, topics, managedBy: null, cancellationToken);
        await chats.KeepLanguageAsync(turn.Chat, turn.Language, cancellationToken);
        await turn.ReplyAsync(turn.Text("Subscribe_Done", TimeText(subscription), TelegramHtml.Escape(subscription.TimeZone), TopicsText(turn, catalog, subscription)), cancellationToken);
    }

    /// <summary>Topic names separated by spaces or commas, each in any language; the unknown ones are returned as typed.</summary>
    public static (List<string> Topics, List<string> Unknown) ParseTopics(TopicCatalog catalog, string text)
    {
        var topics = new List<string>();
        var unknown = new List<string>();
        foreach (var word in text.Split([' ', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(20))
        {
            if (catalog.Find(word) is { } topic)
            {
                if (!topics.Contains(topic.Id))
                {
                    topics.Add(topic.Id);
                }
            }
            else
            {
                unknown.Add(Core.Localization.TextTruncation.Truncate(word, 40));
            }
        }

        return (topics, unknown);
    }

    public static string TimeText(Subscription subscription) => Core.Schedules.DigestTime.Format(subscription.Time);

    public static string TopicsText(ChatTurn turn, TopicCatalog catalog, Subscription subscription) =>
        subscription.TopicIds.Count == 0
            ? turn.Text("Subscribe_AllTopics")
            : turn.Text("Subscribe_Topics", TelegramHtml.Escape(string.Join(", ", subscription.TopicIds.Select(id => catalog.Get(id)?.Name(turn.Language) ?? id))));
}
