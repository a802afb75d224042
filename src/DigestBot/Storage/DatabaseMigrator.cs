using Microsoft.EntityFrameworkCore;

namespace DigestBot.Storage;

/// <summary>Brings the database to the current schema, then runs the start-up steps, before anything else touches it; a store
/// the bot may only read is checked to be current instead, for the verbs that only read.</summary>
public sealed class DatabaseMigrator(DigestDbContextFactory factory, IEnumerable<IStorageStartupStep> steps, ILogger<DatabaseMigrator> logger)
{
    private IStore Store => factory.Store;

    /// <summary>For the verbs that write: migrates and runs the start-up steps.</summary>
    /// <exception cref="StorageUnavailableException">The database cannot be reached, created, opened or written.</exception>
    public Task MigrateAsync(CancellationToken cancellationToken) => StartAsync(StorageStart.Write, cancellationToken);

    /// <summary>For the verbs that only read: a store the bot may write is prepared as by <see cref="MigrateAsync"/>; one it
    /// may only read (a read-only file, <c>Mode=ReadOnly</c>, a standby server) must be current already, and its search index
    /// is read as it is.</summary>
    /// <returns>Whether the bot may write to the store.</returns>
    /// <exception cref="StorageUnavailableException">The database cannot be opened, or is read-only and behind the schema.</exception>
    public Task<bool> PrepareForReadingAsync(CancellationToken cancellationToken) => StartAsync(StorageStart.Read, cancellationToken);

    /// <summary>For looking at the store as it is (<c>digestbot check</c>): nothing is migrated, repaired or written.</summary>
    /// <returns>Whether the bot may write to the store.</returns>
    /// <exception cref="StorageUnavailableException">The database cannot be opened, or is behind the schema.</exception>
    public Task<bool> OpenAsIsAsync(CancellationToken cancellationToken) => StartAsync(StorageStart.AsIs, cancellationToken);

    private async Task<bool> StartAsync(StorageStart start, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        try
        {
            // Checking a store that is not there must not leave an empty one behind (a typo in --db).
            Store.Prepare(create: start != StorageStart.AsIs);
            await db.Database.OpenConnectionAsync(cancellationToken);
            var readOnly = await Store.Provider.IsReadOnlyAsync(db, cancellationToken);
            if (readOnly && start == StorageStart.Write)
            {
                throw new StorageUnavailableException(StorageFaults.ReadOnly(factory.StoreName));
            }

            if (readOnly || start == StorageStart.AsIs)
            {
                await RequireCurrentSchemaAsync(db, readOnly, cancellationToken);
                return !readOnly;
            }

            await MigrateSchemaAsync(db, cancellationToken);
        }
        catch (Exception ex) when (ex is not StorageUnavailableException && (StorageFaults.IsStorageError(ex) || ex is IOException or UnauthorizedAccessException))
        {
            throw Unavailable(ex);
        }

        try
        {
            foreach (var step in steps)
            {
                await step.RunAsync(db, cancellationToken);
            }
        }
        catch (Exception ex) when (StorageFaults.Describe(ex, factory.StoreName) is { } cause)
        {
            throw new StorageUnavailableException(cause, ex);
        }

        return true;
    }

    private async Task MigrateSchemaAsync(DigestDbContext db, CancellationToken cancellationToken)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Storage: applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
            await db.Database.MigrateAsync(cancellationToken);
        }

        await Store.Provider.AfterMigrationsAsync(db, cancellationToken);
    }

    private async Task RequireCurrentSchemaAsync(DigestDbContext db, bool readOnly, CancellationToken cancellationToken)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
        if (pending > 0)
        {
            throw new StorageUnavailableException(
                $"{factory.StoreName} is {(readOnly ? "read-only and " : "")}{pending} migration(s) behind this version of the bot: " +
                "it must be migrated by a writable run first (digestbot run or import, with write access to it)");
        }
    }

    /// <summary>One line that names the setting to check, or the cause when it is known (a full disk, a damaged file); the
    /// connection string itself may hold a password, so it is left out.</summary>
    private StorageUnavailableException Unavailable(Exception ex)
    {
        if (Store.ExplainsOpeningFault(ex) && StorageFaults.Describe(ex, factory.StoreName) is { } known)
        {
            return new StorageUnavailableException(known, ex);
        }

        var cause = ex.InnerException is { } inner && !ex.Message.Contains(inner.Message, StringComparison.Ordinal)
            ? $"{ex.Message.TrimEnd('.')} ({inner.Message.TrimEnd('.')})"
            : ex.Message.TrimEnd('.');
        var line = $"ConnectionStrings:Articles (env ConnectionStrings__Articles) must name {Store.Expected}: {cause}.";
        return new StorageUnavailableException(line.ReplaceLineEndings(" "), ex);
    }

    private enum StorageStart
    {
        Write,
        Read,
        AsIs,
    }
}
