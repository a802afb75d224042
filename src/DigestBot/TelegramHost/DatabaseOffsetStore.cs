using System.Globalization;
using DigestBot.Storage;
using DigestBot.Telegram;
using Microsoft.EntityFrameworkCore;

namespace DigestBot.TelegramHost;

/// <summary>Keeps the last handled update id in the database, so a restart neither loses nor repeats an update.</summary>
public sealed class DatabaseOffsetStore(IDbContextFactory<DigestDbContext> dbFactory) : IUpdateOffsetStore
{
    private const string Key = "telegram:last-update-id";

    public async Task<long?> GetAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var value = await db.BotState.Where(s => s.Key == Key).Select(s => s.Value).SingleOrDefaultAsync(cancellationToken);
        return long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : null;
    }

    public async Task SaveAsync(long lastUpdateId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var value = lastUpdateId.ToString(CultureInfo.InvariantCulture);
        if (await db.BotState.Where(s => s.Key == Key).ExecuteUpdateAsync(s => s.SetProperty(x => x.Value, value), cancellationToken) == 0)
        {
            db.BotState.Add(new BotState { Key = Key, Value = value });
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
