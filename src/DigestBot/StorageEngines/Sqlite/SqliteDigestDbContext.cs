using DigestBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace DigestBot.StorageEngines.Sqlite;

/// <summary>The SQLite flavour of <see cref="DigestDbContext"/>, the embedded default.</summary>
public sealed class SqliteDigestDbContext(DbContextOptions<SqliteDigestDbContext> options) : DigestDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare or order DateTimeOffset text; Unix milliseconds in UTC sort and index as integers.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UnixMillisecondsConverter>();
    }

    private sealed class UnixMillisecondsConverter() : ValueConverter<DateTimeOffset, long>(
        value => value.ToUnixTimeMilliseconds(),
        value => DateTimeOffset.FromUnixTimeMilliseconds(value));
}
