using System.Data.Common;
using Quartz;

namespace DigestBot.Storage;

/// <summary>A database engine the store can live on: everything that differs between engines, behind one seam.</summary>
/// <remarks>An engine is one folder under <c>StorageEngines/</c> with a class implementing this; <see cref="StorageProviders"/>
/// finds it, and <c>Storage:Provider</c> picks it by <see cref="Name"/>.</remarks>
public interface IStorageProvider
{
    /// <summary>The value of <c>Storage:Provider</c> that picks this engine.</summary>
    string Name { get; }

    /// <summary>The engine as a line names it, such as <c>PostgreSQL</c>.</summary>
    string Title { get; }

    /// <summary>The context of this engine; its migrations are the ones whose <c>[DbContext]</c> names it.</summary>
    Type ContextType { get; }

    /// <summary>The store a connection string names, ready to hand out contexts; nothing is opened yet.</summary>
    /// <param name="connectionString">The setting as given: a connection string, or whatever short form the engine accepts.</param>
    /// <param name="contentRoot">The folder a relative file name is taken from.</param>
    /// <exception cref="ArgumentException">The setting is not a connection string of this engine.</exception>
    IStore Open(string connectionString, string contentRoot);

    /// <summary>Registers the search index (<c>IArticleIndexer</c>, its start-up step and check) and <c>IArticleSearch</c>.</summary>
    void AddSearch(IServiceCollection services);

    /// <summary>Where Quartz keeps its triggers: nothing to do for its in-memory store, a persistent, clustered one for an
    /// engine several processes share.</summary>
    void UseJobStore(IQuartzBuilder quartz, string connectionString);

    /// <summary>Whether the connection may only read (a read-only file, a standby server).</summary>
    Task<bool> IsReadOnlyAsync(DigestDbContext db, CancellationToken cancellationToken);

    /// <summary>Settings kept in the store itself, applied after every migration at start.</summary>
    Task AfterMigrationsAsync(DigestDbContext db, CancellationToken cancellationToken);

    /// <summary>Holds a lock that every process on the store shares until the transaction ends, where several processes may
    /// share the store; otherwise nothing.</summary>
    Task LockProcessesAsync(DigestDbContext db, long key, CancellationToken cancellationToken);

    /// <summary>The problems the database finds in its own files, none when they are sound (<c>digestbot check</c>).</summary>
    Task<IReadOnlyList<string>> CheckIntegrityAsync(DigestDbContext db, CancellationToken cancellationToken);

    /// <summary>What an error of this engine's client means to the maintainer, or null when the error is not this engine's.</summary>
    StorageFault? Classify(DbException error);
}

/// <summary>One store on its engine, as <c>ConnectionStrings:Articles</c> names it.</summary>
public interface IStore
{
    IStorageProvider Provider { get; }

    /// <summary>The store as a line may name it: a file, or a database and server without credentials.</summary>
    string Name { get; }

    /// <summary>What the setting must name, for the line that says the store cannot be opened, such as
    /// "a SQLite file the bot can create or open, not '…'".</summary>
    string Expected { get; }

    DigestDbContext CreateDbContext();

    /// <summary>Readies what must exist before a connection opens, such as a file's folder.</summary>
    /// <param name="create">Whether a store that is not there may be created; when not, its absence is one clear line.</param>
    /// <exception cref="StorageUnavailableException">The store is not there and may not be created.</exception>
    void Prepare(bool create);

    /// <summary>Whether an error met while opening the store is better told by <see cref="StorageFaults.Describe"/> (a full
    /// disk, a damaged file) than by naming the setting to check.</summary>
    bool ExplainsOpeningFault(Exception error);

    /// <summary>A consistent copy of the store while the bot runs, or null where the engine has tools of its own.</summary>
    /// <exception cref="StorageUnavailableException">The store to copy is not there.</exception>
    IStoreBackup? Backup();

    /// <summary>Why <see cref="Backup"/> is null: the engine's own tools, for the line <c>digestbot backup</c> prints.</summary>
    string BackupElsewhere { get; }
}

/// <summary>Copies a store to a new file (<c>digestbot backup</c>).</summary>
public interface IStoreBackup
{
    /// <summary>The store being copied, as a line names it.</summary>
    string Source { get; }

    /// <summary>Copies the store to <paramref name="destinationFile"/>, a file that must not exist yet.</summary>
    /// <param name="progress">Told the units (pages) copied so far and the units in all after each step.</param>
    /// <returns>The articles the copy holds.</returns>
    /// <exception cref="DbException">The engine refused the copy.</exception>
    long Copy(string destinationFile, Action<int, int>? progress, CancellationToken cancellationToken);
}

/// <summary>What a database error means to the maintainer (see <see cref="StorageFaults"/>).</summary>
public enum StorageFault
{
    /// <summary>Some other error: the engine's own words say it.</summary>
    Other,

    /// <summary>The disk holding the store is full.</summary>
    DiskFull,

    /// <summary>The disk of the database server is full.</summary>
    ServerDiskFull,

    /// <summary>A write refused for a full disk, a size limit or a failing disk, which the engine cannot tell apart.</summary>
    WriteRefused,

    /// <summary>The store may only be read.</summary>
    ReadOnly,

    /// <summary>The store's files are damaged.</summary>
    Corrupt,
}
