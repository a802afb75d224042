using System.Text;
using DigestBot.Conversation;
using DigestBot.Core.Localization;
using DigestBot.Core.Rendering;
using DigestBot.Core.Schedules;
using DigestBot.Core.Topics;
using DigestBot.Features.Digests;

namespace DigestBot.Features.Channels;

/// <summary>/schedules: the groups and channels whose digests the user set up, with when they come and what they cover.</summary>
public sealed class ManagedDigestListHandler(SubscriptionStore subscriptions, TopicCatalog catalog) : IChatHandler
{
    public async Task HandleAsync(ChatTurn turn, CancellationToken cancellationToken)
    {
        var managed = turn.From is { } user ? await subscriptions.ManagedByAsync(user.Id, cancellationToken) : [];
        if (managed.Count == 0)
        {
            await turn.ReplyAsync(turn.Text("Schedules_None"), cancellationToken);
            return;
        }

        var text = new StringBuilder(turn.Text("Schedules_Header"));
        foreach (var (subscription, title) in managed)
        {
            text.Append('\n').Append(turn.Text(
                "Schedules_Item",
                TelegramHtml.Escape(TextTruncation.Truncate(title, 64)),
                DigestTime.Format(subscription.Time),
                TelegramHtml.Escape(subscription.TimeZone),
                TopicList.Describe(turn, catalog, subscription.TopicIds)));
            if (!subscription.Active)
            {
                text.Append(' ').Append(turn.Text("Schedules_Paused"));
            }
        }

        await turn.ReplyAsync(text.ToString(), cancellationToken);
    }
}
