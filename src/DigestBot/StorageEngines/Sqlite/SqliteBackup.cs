using DigestBot.Storage;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace DigestBot.StorageEngines.Sqlite;

/// <summary>A consistent copy of a SQLite store that the bot and imports may be writing to, through SQLite's online
/// backup API.</summary>
/// <remarks>The copy runs inside one read transaction on the source, so every step reads the same snapshot: in WAL mode
/// writers go on meanwhile, and the copy never restarts (which copying in steps without it would do after each write).</remarks>
internal sealed class SqliteBackup(string sourceConnectionString, string source) : IStoreBackup
{
    // 1,024 pages (4 MB at the default page size) between progress reports.
    private const int PagesPerStep = 1024;

    public string Source => source;

    /// <inheritdoc/>
    /// <remarks>The units are pages.</remarks>
    public long Copy(string destinationFile, Action<int, int>? progress, CancellationToken cancellationToken)
    {
        try
        {
            return CopyPages(destinationFile, progress, cancellationToken);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }
    }

    private long CopyPages(string destinationFile, Action<int, int>? progress, CancellationToken cancellationToken)
    {
        var sourceBuilder = new SqliteConnectionStringBuilder(sourceConnectionString) { Mode = SqliteOpenMode.ReadWrite, Pooling = false };
        using var source = new SqliteConnection(sourceBuilder.ToString());
        source.Open();
        using var snapshot = source.BeginTransaction(deferred: true);
        long articles;
        using (var count = source.CreateCommand())
        {
            // The first read starts the snapshot; the copy holds exactly what it counts.
            count.Transaction = snapshot;
            count.CommandText = "SELECT COUNT(*) FROM Articles;";
            articles = (long)count.ExecuteScalar()!;
        }

        var destinationBuilder = new SqliteConnectionStringBuilder { DataSource = destinationFile, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
        using var destination = new SqliteConnection(destinationBuilder.ToString());
        destination.Open();
        var backup = raw.sqlite3_backup_init(destination.Handle, "main", source.Handle, "main");
        if (backup is null || backup.IsInvalid)
        {
            SqliteException.ThrowExceptionForRC(raw.sqlite3_errcode(destination.Handle), destination.Handle);
        }

        try
        {
            int rc;
            do
            {
                cancellationToken.ThrowIfCancellationRequested();
                rc = raw.sqlite3_backup_step(backup, PagesPerStep);
                var total = raw.sqlite3_backup_pagecount(backup);
                progress?.Invoke(total - raw.sqlite3_backup_remaining(backup), total);
            }
            while (rc == raw.SQLITE_OK);

            if (rc != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(rc, destination.Handle);
            }
        }
        finally
        {
            raw.sqlite3_backup_finish(backup);
        }

        snapshot.Rollback();
        return articles;
    }
}
