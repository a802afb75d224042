using System.Security.Cryptography;
using System.Text;
using DigestBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace DigestBot.Features.Search;

/// <summary>Keeps search queries by a short key, so a "more" button can page on within 64 bytes of callback data.</summary>
/// <remarks>In the database rather than in memory, so paging survives a restart and works across instances.</remarks>
public sealed class SavedQueries(IDbContextFactory<DigestDbContext> dbFactory)
{
    private const string Prefix = "search:";

    public async Task<string> SaveAsync(string query, CancellationToken cancellationToken)
    {
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(query)))[..16];
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.BotState.AnyAsync(s => s.Key == Prefix + key, cancellationToken))
        {
            db.BotState.Add(new BotState { Key = Prefix + key, Value = query });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Saved at the same moment by another update: the same key holds the same query.
            }
        }

        return key;
    }

    public async Task<string?> FindAsync(string key, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.BotState.Where(s => s.Key == Prefix + key).Select(s => s.Value).SingleOrDefaultAsync(cancellationToken);
    }
}
