namespace DigestBot.Features.Digests;

/// <summary>Handles the event <see cref="SubscriptionStore"/> raises after a subscription was created, changed, paused or
/// removed, so that whatever fires the digests follows the stored subscriptions.</summary>
/// <remarks>The store knows nothing of who listens: the digest jobs depend on the subscriptions, never the other way.</remarks>
public interface ISubscriptionsChangedHandler
{
    /// <summary>Brings the timers in step with the subscriptions; reports its own failures rather than failing the change.</summary>
    Task OnSubscriptionsChangedAsync(CancellationToken cancellationToken);
}
