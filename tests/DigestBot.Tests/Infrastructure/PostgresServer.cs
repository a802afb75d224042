using System.Diagnostics;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace DigestBot.Tests.Infrastructure;

/// <summary>A throwaway PostgreSQL cluster (see <see cref="PostgresCluster"/>) shared by a test collection.</summary>
public sealed class PostgresServer(IMessageSink diagnostics) : IAsyncLifetime
{
    /// <summary>The database created at start for tests that need no database of their own.</summary>
    public const string DefaultDatabase = "digestbot";

    // Durability buys nothing for a throwaway cluster and costs test time.
    private static readonly string[] Settings = ["fsync=off", "synchronous_commit=off", "full_page_writes=off"];

    private PostgresCluster? cluster;

    private PostgresCluster Cluster => cluster ?? throw new InvalidOperationException("The PostgreSQL server has not started.");

    /// <summary>The connection string of a database as the superuser, who needs no password.</summary>
    public string ConnectionString(string database = DefaultDatabase) => Cluster.ConnectionString(database);

    /// <summary>Creates an empty database, e.g. one per test class, and returns its connection string.</summary>
    public Task<string> CreateDatabaseAsync(string name) => Cluster.CreateDatabaseAsync(name);

    public Task RestoreAsync(string database, string dumpFile) => Cluster.RestoreAsync(database, dumpFile);

    public async Task InitializeAsync()
    {
        var started = Stopwatch.StartNew();
        cluster = await PostgresCluster.StartAsync(Settings);
        await cluster.CreateDatabaseAsync(DefaultDatabase);
        diagnostics.OnMessage(new DiagnosticMessage($"PostgreSQL started in {started.ElapsedMilliseconds} ms"));
    }

    public async Task DisposeAsync()
    {
        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }
    }
}
