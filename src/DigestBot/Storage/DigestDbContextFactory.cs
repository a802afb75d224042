using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DigestBot.Storage;

/// <summary>Creates contexts for the configured store, on the engine <c>Storage:Provider</c> picks, from a pool.</summary>
public sealed class DigestDbContextFactory(IStorageProvider provider, IOptions<StorageOptions> options, IHostEnvironment environment)
    : IDbContextFactory<DigestDbContext>
{
    /// <summary>The configured store on its engine.</summary>
    public IStore Store { get; } = provider.Open(options.Value.ConnectionString, environment.ContentRootPath);

    /// <summary>The store as a line may name it: the SQLite file, or the PostgreSQL database and server without credentials.</summary>
    public string StoreName => Store.Name;

    public DigestDbContext CreateDbContext() => Store.CreateDbContext();
}
