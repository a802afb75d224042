using System.Data.Common;
using System.Runtime.CompilerServices;
using DigestBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

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

    // The pool hands the same SQLite connection out again and again: the settings are applied once to each.
    private static readonly ConditionalWeakTable<sqlite3, object> Applied = [];

    // WAL with synchronous=NORMAL is durable against application crashes and much faster than FULL.
    private static void Apply(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            if (Applied.TryGetValue(handle, out _))
            {
                return;
            }

            Applied.AddOrUpdate(handle, Applied);
        }

        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;";
        command.ExecuteNonQuery();
    }
}
