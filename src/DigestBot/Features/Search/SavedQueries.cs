using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using DigestBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace DigestBot.Features.Search;

/// <summary>Keeps search queries by a short key, so a "more" button can page on within 64 bytes of callback data.</summary>
/// <remarks>In the database rather than in memory, so paging survives a restart and works across instances. A key names
/// the same query for ever, so those seen are also kept in memory (a bounded number), sparing each page a round trip.</remarks>
public sealed class SavedQueries(IDbContextFactory<DigestDbContext> dbFactory)
{
    private const string Prefix = "search:";

    private const int Kept = 4096;

    private readonly ConcurrentDictionary<string, string> known = new(StringComparer.Ordinal);

    public async Task<string> SaveAsync(string query, CancellationToken cancellationToken)
    {
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(query)))[..16];
        if (known.ContainsKey(key))
        {
            return key;
        }

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

        Keep(key, query);
        return key;
    }

    public async Task<string?> FindAsync(string key, CancellationToken cancellationToken)
    {
        if (known.TryGetValue(key, out var kept))
        {
            return kept;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = await db.BotState.Where(s => s.Key == Prefix + key).Select(s => s.Value).SingleOrDefaultAsync(cancellationToken);
        if (query is not null)
        {
            Keep(key, query);
        }

        return query;
    }

    private void Keep(string key, string query)
    {
        if (known.Count >= Kept)
        {
            known.Clear();
        }

        known[key] = query;
    }
}
