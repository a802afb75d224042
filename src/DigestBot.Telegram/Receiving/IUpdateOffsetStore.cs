namespace DigestBot.Telegram;

/// <summary>Keeps the id of the last handled update across restarts so that no update is handled twice.</summary>
public interface IUpdateOffsetStore
{
    /// <summary>The id of the last handled update, or null before the first one.</summary>
    Task<long?> GetAsync(CancellationToken cancellationToken);

    Task SaveAsync(long lastUpdateId, CancellationToken cancellationToken);
}
