using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DigestBot.Storage;

/// <summary>Brings the database to the current schema, then runs the start-up steps, before anything else touches it.</summary>
public sealed class DatabaseMigrator(DigestDbContextFactory factory, IEnumerable<IStorageStartupStep> steps, ILogger<DatabaseMigrator> logger)
{
    /// <exception cref="StorageUnavailableException">The database cannot be reached, created or opened.</exception>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        try
        {
            await MigrateSchemaAsync(db, cancellationToken);
        }
        catch (Exception ex) when (ex is DbException or IOException or UnauthorizedAccessException)
        {
            throw Unavailable(ex);
        }

        foreach (var step in steps)
        {
            await step.RunAsync(db, cancellationToken);
        }
    }

    private async Task MigrateSchemaAsync(DigestDbContext db, CancellationToken cancellationToken)
    {
        if (factory.SqliteConnectionString is { } sqlite && Path.GetDirectoryName(SqliteFile(sqlite)) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

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
    }

    /// <summary>One line that names the setting to check; the connection string itself may hold a password, so it is left out.</summary>
    private StorageUnavailableException Unavailable(Exception ex)
    {
        var cause = ex.InnerException is { } inner && !ex.Message.Contains(inner.Message, StringComparison.Ordinal)
            ? $"{ex.Message.TrimEnd('.')} ({inner.Message.TrimEnd('.')})"
            : ex.Message.TrimEnd('.');
        var what = factory.SqliteConnectionString is { } sqlite
            ? $"a SQLite file the bot can create or open, not '{SqliteFile(sqlite)}'"
            : "a PostgreSQL database the bot can reach and open";
        var line = $"ConnectionStrings:Articles (env ConnectionStrings__Articles) must name {what}: {cause}.";
        return new StorageUnavailableException(line.ReplaceLineEndings(" "), ex);
    }

    private static string SqliteFile(string connectionString) => new SqliteConnectionStringBuilder(connectionString).DataSource;
}
