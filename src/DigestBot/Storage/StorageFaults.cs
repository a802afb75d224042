using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace DigestBot.Storage;

/// <summary>Says in one line what a database error means to the maintainer: a full disk, a store the bot may only read,
/// a damaged file, or else the database's own words.</summary>
public static class StorageFaults
{
    // SQLite result codes (https://sqlite.org/rescode.html).
    private const int SqliteReadOnly = 8;
    private const int SqliteIoError = 10;
    private const int SqliteCorrupt = 11;
    private const int SqliteFull = 13;

    // PostgreSQL SQLSTATEs (https://www.postgresql.org/docs/current/errcodes-appendix.html).
    private const string PostgresDiskFull = "53100";
    private const string PostgresReadOnly = "25006";
    private const string PostgresDataCorrupted = "XX001";
    private const string PostgresIndexCorrupted = "XX002";

    /// <summary>Whether a database error lies behind this exception, perhaps wrapped by EF Core or an import.</summary>
    public static bool IsStorageError(Exception ex) => DatabaseError(ex) is not null;

    /// <summary>Whether a database error behind this exception says that the store's files are damaged.</summary>
    public static bool IsCorruption(Exception ex) =>
        DatabaseError(ex) is SqliteException { SqliteErrorCode: SqliteCorrupt } or PostgresException { SqlState: PostgresDataCorrupted or PostgresIndexCorrupted };

    /// <summary>The line that explains a database error, or null when none lies behind the exception.</summary>
    /// <param name="store">How to name the store, such as its file; the connection string may hold a password, so never that.</param>
    public static string? Describe(Exception ex, string store = "the database")
    {
        var error = DatabaseError(ex);
        var said = error?.Message.TrimEnd('.').ReplaceLineEndings(" ");
        return error switch
        {
            null => null,
            SqliteException { SqliteErrorCode: SqliteFull } =>
                $"unable to write {store}: the disk is full ({said}); what was stored before is kept",
            SqliteException { SqliteErrorCode: SqliteIoError } =>
                // A refused write past a file size limit (EFBIG) comes as an I/O error, not as SQLITE_FULL.
                $"unable to write {store}: the disk is full, the file has reached a size limit (ulimit -f) or the disk is failing ({said}); " +
                "what was stored before is kept",
            SqliteException { SqliteErrorCode: SqliteReadOnly } or PostgresException { SqlState: PostgresReadOnly } => ReadOnly(store),
            _ when IsCorruption(error) =>
                $"{store} is corrupt ({said}): restore it from a backup; digestbot check tells what is damaged",
            PostgresException { SqlState: PostgresDiskFull } =>
                $"unable to write {store}: the disk of the PostgreSQL server is full ({said}); what was stored before is kept",
            _ => $"unable to use {store}: {said}",
        };
    }

    /// <summary>The line for a verb that writes, given a store it may only read.</summary>
    public static string ReadOnly(string store) =>
        $"{store} is read-only: this verb writes to it, so the bot needs write access to the store (and for SQLite to its folder); " +
        "articles, search, sources list and check only read";

    private static DbException? DatabaseError(Exception? ex) => ex switch
    {
        null => null,
        DbException db => db,
        AggregateException aggregate => aggregate.InnerExceptions.Select(DatabaseError).FirstOrDefault(e => e is not null),
        _ => DatabaseError(ex.InnerException),
    };
}
