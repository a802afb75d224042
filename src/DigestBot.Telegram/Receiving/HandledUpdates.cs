namespace DigestBot.Telegram;

/// <summary>
/// Which updates were handled already, so that one delivered again (a poll after a crash, a webhook call Telegram
/// repeats) is handled once. Webhook calls may come out of order, so besides the last id kept across restarts the
/// recent ids are remembered: a late update below the last one is still new. One receiver uses it, one call at a time.
/// </summary>
public sealed class HandledUpdates(IUpdateOffsetStore store)
{
    // Far more than Telegram ever has in flight: an id older than these is taken as handled.
    private const int RecentLimit = 1024;

    private readonly SortedSet<long> recent = [];
    private long? floor;
    private bool loaded;

    /// <summary>The highest id handled, or null before the first one; polling asks for the updates after it.</summary>
    public async Task<long?> LastAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return recent.Count > 0 ? Math.Max(recent.Max, floor ?? long.MinValue) : floor;
    }

    public async Task<bool> ContainsAsync(long updateId, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return updateId <= floor || recent.Contains(updateId);
    }

    /// <summary>Records <paramref name="updateId"/> as handled and keeps the highest id in the store.</summary>
    public Task AddAsync(long updateId, CancellationToken cancellationToken) => AddAsync([updateId], cancellationToken);

    /// <summary>Records <paramref name="updateIds"/> as handled and keeps the highest id in the store, with one write.</summary>
    public async Task AddAsync(IReadOnlyCollection<long> updateIds, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var last = await LastAsync(cancellationToken);
        foreach (var updateId in updateIds)
        {
            recent.Add(updateId);
            if (recent.Count > RecentLimit)
            {
                floor = recent.Min;
                recent.Remove(recent.Min);
            }
        }

        if (updateIds.Count > 0 && updateIds.Max() is var highest && (last is null || highest > last))
        {
            await store.SaveAsync(highest, cancellationToken);
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (!loaded)
        {
            floor = await store.GetAsync(cancellationToken);
            loaded = true;
        }
    }
}
