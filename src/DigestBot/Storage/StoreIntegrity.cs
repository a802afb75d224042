using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace DigestBot.Storage;

/// <summary>Asks the database whether its files are sound, for <c>digestbot check</c>.</summary>
public static class StoreIntegrity
{
    // Enough to tell a damaged file; the full list can run to thousands of lines.
    private const int MaxProblems = 100;

    /// <summary>The problems the database finds in itself, none when it is sound: <c>PRAGMA integrity_check</c> on SQLite;
    /// on PostgreSQL, which repairs its own files, every table read end to end, which fails on a damaged page.</summary>
    public static async Task<IReadOnlyList<string>> CheckAsync(DigestDbContext db, StorageProvider provider, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        var problems = new List<string>();
        if (provider == StorageProvider.Sqlite)
        {
            try
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"PRAGMA integrity_check({MaxProblems});";
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    problems.Add(reader.GetString(0).ReplaceLineEndings(" "));
                }
            }
            catch (DbException ex) when (StorageFaults.IsCorruption(ex))
            {
                // The check reads each table as a query would, and a page it cannot make sense of stops it there.
                problems.Add(ex.Message.ReplaceLineEndings(" "));
            }

            return problems is ["ok"] ? [] : problems;
        }

        foreach (var table in db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct())
        {
            try
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT count(*) FROM \"{table}\";";
                await command.ExecuteScalarAsync(cancellationToken);
            }
            catch (DbException ex) when (StorageFaults.IsCorruption(ex))
            {
                problems.Add($"table {table}: {ex.Message.ReplaceLineEndings(" ")}");
            }
        }

        return problems;
    }
}
