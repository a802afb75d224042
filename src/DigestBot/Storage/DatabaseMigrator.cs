using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DigestBot.Storage;

/// <summary>Brings the database to the current schema, then runs the start-up steps, before anything else touches it.</summary>
public sealed class DatabaseMigrator(DigestDbContextFactory factory, IEnumerable<IStorageStartupStep> steps, ILogger<DatabaseMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        if (factory.SqliteConnectionString is { } sqlite)
        {
            var file = new SqliteConnectionStringBuilder(sqlite).DataSource;
            if (Path.GetDirectoryName(file) is { Length: > 0 } folder)
            {
                Directory.CreateDirectory(folder);
            }
        }

        await using var db = factory.CreateDbContext();
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Storage: applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
            await db.Database.MigrateAsync(cancellationToken);
        }

        if (factory.Provider == StorageProvider.Sqlite)
        {
            // WAL lets readers (the bot) go on while an import writes; the mode is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        foreach (var step in steps)
        {
            await step.RunAsync(db, cancellationToken);
        }
    }
}
