using DigestBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace DigestBot.StorageEngines.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add … --context SqliteDigestDbContext</c> build the SQLite model without the bot's host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteDigestDbContext>
{
    public SqliteDigestDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteDigestDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
