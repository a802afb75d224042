using DigestBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace DigestBot.StorageEngines.Postgres;

/// <summary>Lets <c>dotnet ef migrations add … --context PostgresDigestDbContext</c> build the PostgreSQL model; no server is reached.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresDigestDbContext>
{
    public PostgresDigestDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresDigestDbContext>().UseNpgsql("Host=localhost").Options);
}
