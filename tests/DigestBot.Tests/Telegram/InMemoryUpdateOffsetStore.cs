using DigestBot.Telegram;

namespace DigestBot.Tests.Telegram;

/// <summary>An offset store that lives as long as the test, standing in for the host's database.</summary>
internal sealed class InMemoryUpdateOffsetStore(long? lastUpdateId = null) : IUpdateOffsetStore
{
    private readonly Lock gate = new();
    private long? lastUpdateId = lastUpdateId;

    public long? LastUpdateId
    {
        get
        {
            lock (gate)
            {
                return lastUpdateId;
            }
        }
    }

    public Task<long?> GetAsync(CancellationToken cancellationToken) => Task.FromResult(LastUpdateId);

    public Task SaveAsync(long lastUpdateId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            this.lastUpdateId = lastUpdateId;
        }

        return Task.CompletedTask;
    }
}
