using DigestBot.Conversation;

namespace DigestBot.Features.Digests;

/// <summary>/digest: the digest of the last 24 hours now, with the chat's topics and filters.</summary>
public sealed class DigestHandler(SubscriptionStore subscriptions, DigestService digests, TimeProvider time) : IChatHandler
{
    public async Task HandleAsync(ChatTurn turn, CancellationToken cancellationToken)
    {
        var subscription = await subscriptions.FindAsync(turn.ChatId, cancellationToken);
        var preferences = digests.PreferencesFor(subscription, turn.Language, turn.AllLanguages);
        var now = time.GetUtcNow();

        // On demand the window is always the last day; the scheduled digest keeps its own.
        var window = DigestService.WindowFor(subscription?.TimeZone, since: null, now);
        var messages = await digests.BuildAsync(preferences, window, cancellationToken);
        if (messages is null)
        {
            await turn.ReplyAsync(turn.Text("Digest_Nothing"), cancellationToken);
            return;
        }

        foreach (var message in messages)
        {
            await turn.ReplyAsync(message, cancellationToken);
        }
    }
}
