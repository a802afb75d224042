using System.Data.Common;
using DigestBot.Search;
using DigestBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;
using Quartz;

namespace DigestBot.StorageEngines.Postgres;

/// <summary>PostgreSQL, for several bot processes on one database: search is a <c>tsvector</c> table, Quartz keeps its
/// triggers in the database as a cluster, and the processes share advisory locks.</summary>
public sealed class PostgresStorage : IStorageProvider
{
    // PostgreSQL SQLSTATEs (https://www.postgresql.org/docs/current/errcodes-appendix.html).
    private const string PostgresDiskFull = "53100";
    private const string PostgresReadOnly = "25006";
    private const string PostgresDataCorrupted = "XX001";
    private const string PostgresIndexCorrupted = "XX002";

    public string Name => "Postgres";

    public string Title => "PostgreSQL";

    public Type ContextType => typeof(PostgresDigestDbContext);

    public IStore Open(string connectionString, string contentRoot) =>
        new Store(this, connectionString, new NpgsqlConnectionStringBuilder(connectionString));

    public void AddSearch(IServiceCollection services) => services.AddSearchIndex<PostgresArticleIndexer, PostgresArticleSearch>();

    // Every bot process on the database is a node of one cluster: a trigger fires on one node only, and a node that stops
    // has its triggers fired by the others. The tables come with the migrations; the check-in and misfire settings are
    // Quartz's, under Quartz:JobStore.
    public void UseJobStore(IQuartzBuilder quartz, string connectionString) =>
        quartz.UsePersistentStore(store =>
        {
            store.UsePostgres(NpgsqlFactory.Instance, connectionString);
            store.UseSystemTextJsonSerializer();
            store.UseClustering();
        });

    /// <summary>A standby server, or a database whose default is read-only.</summary>
    public async Task<bool> IsReadOnlyAsync(DigestDbContext db, CancellationToken cancellationToken)
    {
        var setting = await db.Database.SqlQueryRaw<string>("SELECT current_setting('transaction_read_only') AS \"Value\"").SingleAsync(cancellationToken);
        return setting == "on";
    }

    public Task AfterMigrationsAsync(DigestDbContext db, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task LockProcessesAsync(DigestDbContext db, long key, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", cancellationToken);

    /// <summary>PostgreSQL repairs its own files, so every table is read end to end, which fails on a damaged page.</summary>
    public async Task<IReadOnlyList<string>> CheckIntegrityAsync(DigestDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        var problems = new List<string>();
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

    public StorageFault? Classify(DbException error) => error switch
    {
        PostgresException { SqlState: PostgresDiskFull } => StorageFault.ServerDiskFull,
        PostgresException { SqlState: PostgresReadOnly } => StorageFault.ReadOnly,
        PostgresException { SqlState: PostgresDataCorrupted or PostgresIndexCorrupted } => StorageFault.Corrupt,
        NpgsqlException => StorageFault.Other,
        _ => null,
    };

    private sealed class Store(PostgresStorage provider, string connectionString, NpgsqlConnectionStringBuilder named) : IStore
    {
        private readonly Lazy<PooledDbContextFactory<PostgresDigestDbContext>> contexts = new(() => new(
            new DbContextOptionsBuilder<PostgresDigestDbContext>()
                .UseNpgsql(connectionString)
                .ReportErrorsToTheCaller()
                .Options));

        public IStorageProvider Provider => provider;

        public string Name { get; } = $"the PostgreSQL database {named.Database} on {named.Host}:{named.Port}";

        public string Expected => "a PostgreSQL database the bot can reach and open";

        public string BackupElsewhere =>
            "the store is on PostgreSQL: back it up with pg_dump and restore it with pg_restore (README, Operations)";

        public DigestDbContext CreateDbContext() => contexts.Value.CreateDbContext();

        // The server creates nothing on a connection, and an absent database is an error of its own.
        public void Prepare(bool create)
        {
        }

        public bool ExplainsOpeningFault(Exception error) => false;

        public IStoreBackup? Backup() => null;
    }
}
