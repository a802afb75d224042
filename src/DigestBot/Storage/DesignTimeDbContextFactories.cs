using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace DigestBot.Storage;

/// <summary>Lets <c>dotnet ef migrations add … --context SqliteDigestDbContext</c> build the SQLite model without the bot's host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteDigestDbContext>
{
    public SqliteDigestDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteDigestDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>Lets <c>dotnet ef migrations add … --context PostgresDigestDbContext</c> build the PostgreSQL model; no server is reached.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresDigestDbContext>
{
    public PostgresDigestDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresDigestDbContext>().UseNpgsql("Host=localhost").Options);
}
