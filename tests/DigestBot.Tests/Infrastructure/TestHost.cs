using DigestBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DigestBot.Tests.Infrastructure;

/// <summary>The app's services on a fresh database (by default a SQLite file in a temp folder), migrated and ready.</summary>
public sealed class TestHost : IAsyncDisposable
{
    private readonly IHost host;

    private TestHost(IHost host, TempFolder folder)
    {
        this.host = host;
        Folder = folder;
    }

    public TempFolder Folder { get; }

    public IServiceProvider Services => host.Services;

    /// <param name="connectionString">Another database than a fresh SQLite file, such as a test PostgreSQL database.</param>
    /// <param name="configure">Changes to the host before it is built, such as a logger provider to assert on.</param>
    public static async Task<TestHost> StartAsync(
        IDictionary<string, string?>? settings = null,
        Action<HostApplicationBuilder>? configure = null,
        string? connectionString = null)
    {
        var folder = new TempFolder();
        var builder = AppHost.CreateBuilder(connectionString ?? folder.File("digestbot.db"), quiet: true, settings);
        configure?.Invoke(builder);
        var host = builder.Build();
        await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        return new TestHost(host, folder);
    }

    public T Get<T>()
        where T : notnull => host.Services.GetRequiredService<T>();

    public DigestDbContext Db() => Get<DigestDbContextFactory>().CreateDbContext();

    public ValueTask DisposeAsync()
    {
        host.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Folder.Dispose();
        return ValueTask.CompletedTask;
    }
}
