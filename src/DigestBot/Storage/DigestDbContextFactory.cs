using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Options;

namespace DigestBot.Storage;

/// <summary>Creates the context of the configured provider from a pool; options are built once.</summary>
public sealed class DigestDbContextFactory : IDbContextFactory<DigestDbContext>
{
    private readonly Func<DigestDbContext> create;

    public DigestDbContextFactory(IOptions<StorageOptions> options, IHostEnvironment environment)
    {
        var storage = options.Value;
        Provider = storage.ProviderKind;
        if (Provider == StorageProvider.Postgres)
        {
            var postgres = new PooledDbContextFactory<PostgresDigestDbContext>(new DbContextOptionsBuilder<PostgresDigestDbContext>()
                .UseNpgsql(storage.ConnectionString)
                .ConfigureWarnings(ReportedByTheCaller)
                .Options);
            create = postgres.CreateDbContext;
            var named = new Npgsql.NpgsqlConnectionStringBuilder(storage.ConnectionString);
            StoreName = $"the PostgreSQL database {named.Database} on {named.Host}:{named.Port}";
        }
        else
        {
            SqliteConnectionString = ResolveSqlite(storage.ConnectionString, environment.ContentRootPath);
            var sqlite = new PooledDbContextFactory<SqliteDigestDbContext>(new DbContextOptionsBuilder<SqliteDigestDbContext>()
                // Without a batch size every inserted row is a command of its own; imports write thousands at a time.
                .UseSqlite(SqliteConnectionString, sqlite => sqlite.MaxBatchSize(256))
                .AddInterceptors(SqlitePragmas.Instance)
                .ConfigureWarnings(ReportedByTheCaller)
                .Options);
            create = sqlite.CreateDbContext;
            StoreName = new SqliteConnectionStringBuilder(SqliteConnectionString).DataSource;
        }
    }

    public StorageProvider Provider { get; }

    /// <summary>The absolute SQLite connection string, or null on another provider.</summary>
    public string? SqliteConnectionString { get; }

    /// <summary>The store as a line may name it: the SQLite file, or the PostgreSQL database and server without credentials.</summary>
    public string StoreName { get; }

    public DigestDbContext CreateDbContext() => create();

    /// <summary>Accepts a bare file path or a connection string; a relative file is taken from the content root.</summary>
    public static string ResolveSqlite(string value, string contentRoot)
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

    // A failed command reaches its caller, which reports it once in a line of its own (see StorageFaults); EF Core's own error
    // entries would say it again with the SQL and a stack trace, on the console of a verb whose output is one line.
    private static void ReportedByTheCaller(WarningsConfigurationBuilder warnings) => warnings.Log(
        (RelationalEventId.CommandError, LogLevel.Debug),
        (RelationalEventId.ConnectionError, LogLevel.Debug),
        (RelationalEventId.TransactionError, LogLevel.Debug),
        (CoreEventId.SaveChangesFailed, LogLevel.Debug),
        (CoreEventId.QueryIterationFailed, LogLevel.Debug));

    /// <summary>Per-connection settings that SQLite does not keep in the file.</summary>
    private sealed class SqlitePragmas : DbConnectionInterceptor
    {
        public static readonly SqlitePragmas Instance = new();

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) =>
            Apply(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Apply(connection);
            return Task.CompletedTask;
        }

        // WAL with synchronous=NORMAL is durable against application crashes and much faster than FULL.
        private static void Apply(DbConnection connection)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;";
            command.ExecuteNonQuery();
        }
    }
}
