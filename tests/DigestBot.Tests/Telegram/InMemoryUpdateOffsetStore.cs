using DigestBot.Telegram;

namespace DigestBot.Tests.Telegram;

/// <summary>An offset store that lives as long as the test, standing in for the host's database.</summary>
internal sealed class InMemoryUpdateOffsetStore(long? lastUpdateId = null) : IUpdateOffsetStore
{
    private readonly Lock _gate = new();
    private long? _lastUpdateId = lastUpdateId;

    public long? LastUpdateId
    {
        get
        {
            lock (_gate)
            {
                return _lastUpdateId;
            }
        }
    }

    public Task<long?> GetAsync(CancellationToken cancellationToken) => Task.FromResult(LastUpdateId);

    public Task SaveAsync(long lastUpdateId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _lastUpdateId = lastUpdateId;
        }

        return Task.CompletedTask;
    }
}
