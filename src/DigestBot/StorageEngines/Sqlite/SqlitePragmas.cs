using System.Data.Common;
using DigestBot.Storage;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DigestBot.StorageEngines.Sqlite;

/// <summary>Per-connection settings that SQLite does not keep in the file.</summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
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
