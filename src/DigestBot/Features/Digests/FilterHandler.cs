using DigestBot.Conversation;
using DigestBot.Core.Digests;
using DigestBot.Core.Rendering;

namespace DigestBot.Features.Digests;

/// <summary>/filter +word -word: keyword filters on the digest, matched with our stemming, never as patterns.</summary>
public sealed class FilterHandler(SubscriptionStore subscriptions) : IChatHandler
{
    public async Task HandleAsync(ChatTurn turn, CancellationToken cancellationToken)
    {
        var subscription = await subscriptions.FindAsync(turn.ChatId, cancellationToken);
        if (subscription is null)
        {
            await turn.ReplyAsync(turn.Text("NotSubscribed"), cancellationToken);
            return;
        }

        if (turn.Arguments.Length == 0)
        {
            var current = subscription.Filters.Length == 0 ? turn.Text("Settings_None") : TelegramHtml.Escape(subscription.Filters);
            await turn.ReplyAsync($"{turn.Text("Filter_Current", current)}\n\n{turn.Text("Filter_Usage")}", cancellationToken);
            return;
        }

        if (turn.Arguments.Trim().ToLowerInvariant() is "clear" or "-" or "none" or "очистить" or "тазалау")
        {
            await subscriptions.UpdateAsync(turn.ChatId, s => s.Filters = "", cancellationToken);
            await turn.ReplyAsync(turn.Text("Filter_Cleared"), cancellationToken);
            return;
        }

        var (filter, issues) = DigestFilter.Parse(turn.Arguments);
        var ignored = issues.Count == 0
            ? ""
            : "\n" + turn.Text("Filter_Ignored", TelegramHtml.Escape(string.Join(", ", issues.Select(i => Core.Localization.TextTruncation.Truncate(i.Term, 40)))));
        if (filter.IsEmpty)
        {
            await turn.ReplyAsync(turn.Text("Filter_Usage") + ignored, cancellationToken);
            return;
        }

        await subscriptions.UpdateAsync(turn.ChatId, s => s.Filters = filter.Display, cancellationToken);
        await turn.ReplyAsync(turn.Text("Filter_Set", TelegramHtml.Escape(filter.Display)) + ignored, cancellationToken);
    }
}
