using System.Data.Common;
using DigestBot.Search;
using DigestBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Quartz;

namespace DigestBot.StorageEngines.Sqlite;

/// <summary>SQLite, the embedded default: one file, one bot process; search is an FTS5 table, Quartz keeps its triggers in
/// memory (the bot rebuilds them from the subscriptions at start).</summary>
public sealed class SqliteStorage : IStorageProvider
{
    // SQLite result codes (https://sqlite.org/rescode.html).
    private const int SqliteReadOnly = 8;
    private const int SqliteIoError = 10;
    private const int SqliteCorrupt = 11;
    private const int SqliteFull = 13;
    private const int SqliteCantOpen = 14;
    private const int SqliteNotADatabase = 26;

    // Enough to tell a damaged file; the full list can run to thousands of lines.
    private const int MaxProblems = 100;

    public string Name => "Sqlite";

    public string Title => "SQLite";

    public Type ContextType => typeof(SqliteDigestDbContext);

    public IStore Open(string connectionString, string contentRoot) => new Store(this, Resolve(connectionString, contentRoot));

    /// <summary>Accepts a bare file path or a connection string; a relative file is taken from the content root.</summary>
    public static string Resolve(string value, string contentRoot)
    {
        var builder = value.Contains('=')
            ? new SqliteConnectionStringBuilder(value)
            : new SqliteConnectionStringBuilder { DataSource = value };
        var isFile = builder.DataSource.Length > 0
            && builder.DataSource != ":memory:"
            && builder.Mode != SqliteOpenMode.Memory;
        if (isFile)
        {
            builder.DataSource = Path.GetFullPath(builder.DataSource, contentRoot);
        }

        return builder.ToString();
    }

    public void AddSearch(IServiceCollection services) => services.AddSearchIndex<SqliteArticleIndexer, SqliteArticleSearch>();

    // One process on one file: Quartz's in-memory store serves, and the digest triggers are rebuilt at start.
    public void UseJobStore(IQuartzBuilder quartz, string connectionString)
    {
    }

    /// <summary>A file the bot may not write or <c>Mode=ReadOnly</c>: SQLite opens those read-only without a word.</summary>
    public Task<bool> IsReadOnlyAsync(DigestDbContext db, CancellationToken cancellationToken)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        return Task.FromResult(SQLitePCL.raw.sqlite3_db_readonly(connection.Handle, "main") == 1);
    }

    // WAL lets readers (the bot) go on while an import writes; the mode is stored in the file.
    public Task AfterMigrationsAsync(DigestDbContext db, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);

    // One process holds the file; SQLite's own write lock orders its transactions.
    public Task LockProcessesAsync(DigestDbContext db, long key, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary><c>PRAGMA integrity_check</c>, up to <see cref="MaxProblems"/> lines.</summary>
    public async Task<IReadOnlyList<string>> CheckIntegrityAsync(DigestDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var problems = new List<string>();
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
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

    public StorageFault? Classify(DbException error) => error switch
    {
        SqliteException { SqliteErrorCode: SqliteFull } => StorageFault.DiskFull,
        // A refused write past a file size limit (EFBIG) comes as an I/O error, not as SQLITE_FULL.
        SqliteException { SqliteErrorCode: SqliteIoError } => StorageFault.WriteRefused,
        SqliteException { SqliteErrorCode: SqliteReadOnly } => StorageFault.ReadOnly,
        SqliteException { SqliteErrorCode: SqliteCorrupt } => StorageFault.Corrupt,
        SqliteException => StorageFault.Other,
        _ => null,
    };

    private sealed class Store(SqliteStorage provider, string connectionString) : IStore
    {
        private readonly Lazy<PooledDbContextFactory<SqliteDigestDbContext>> contexts = new(() => new(
            new DbContextOptionsBuilder<SqliteDigestDbContext>()
                // Without a batch size every inserted row is a command of its own; imports write thousands at a time.
                .UseSqlite(connectionString, sqlite => sqlite.MaxBatchSize(256))
                .AddInterceptors(SqlitePragmas.Instance)
                .ReportErrorsToTheCaller()
                .Options));

        public IStorageProvider Provider => provider;

        public string Name { get; } = new SqliteConnectionStringBuilder(connectionString).DataSource;

        public string Expected => $"a SQLite file the bot can create or open, not '{Name}'";

        public string BackupElsewhere => string.Empty;

        public DigestDbContext CreateDbContext() => contexts.Value.CreateDbContext();

        public void Prepare(bool create)
        {
            if (!create && !File.Exists(Name))
            {
                // Checking a store that is not there must not leave an empty one behind (a typo in --db).
                throw new StorageUnavailableException(
                    $"ConnectionStrings:Articles (env ConnectionStrings__Articles) names no SQLite file: '{Name}' does not exist.");
            }

            if (Path.GetDirectoryName(Name) is { Length: > 0 } folder)
            {
                Directory.CreateDirectory(folder);
            }
        }

        // A path that is no database SQLite can open makes the setting what to check; other errors say more themselves.
        public bool ExplainsOpeningFault(Exception error) =>
            error is SqliteException { SqliteErrorCode: not (SqliteCantOpen or SqliteNotADatabase) };

        public IStoreBackup Backup()
        {
            if (!File.Exists(Name))
            {
                throw new StorageUnavailableException(
                    $"ConnectionStrings:Articles (env ConnectionStrings__Articles) must name the SQLite file to back up: there is no '{Name}'.",
                    new FileNotFoundException(null, Name));
            }

            return new SqliteBackup(connectionString, Name);
        }
    }
}
