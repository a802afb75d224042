namespace DigestBot.Jobs;

/// <summary>At start: settles deliveries a stopped process left half done, rebuilds the triggers from the subscriptions and
/// catches up on digests missed meanwhile.</summary>
public sealed class DigestStartup(DeliveryLedger ledger, DigestTriggers triggers) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await ledger.ResolveInterruptedAsync(cancellationToken);
        await triggers.SyncAsync(cancellationToken);
        await triggers.CatchUpAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
