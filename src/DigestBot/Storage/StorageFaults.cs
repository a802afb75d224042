using System.Data.Common;

namespace DigestBot.Storage;

/// <summary>Says in one line what a database error means to the maintainer: a full disk, a store the bot may only read,
/// a damaged file, or else the database's own words.</summary>
/// <remarks>Each engine tells what its errors mean (<see cref="IStorageProvider.Classify"/>).</remarks>
public static class StorageFaults
{
    /// <summary>Whether a database error lies behind this exception, perhaps wrapped by EF Core or an import.</summary>
    public static bool IsStorageError(Exception ex) => DatabaseError(ex) is not null;

    /// <summary>Whether a database error behind this exception says that the store's files are damaged.</summary>
    public static bool IsCorruption(Exception ex) =>
        DatabaseError(ex) is { } error && Classify(error).Fault == StorageFault.Corrupt;

    /// <summary>The line that explains a database error, or null when none lies behind the exception.</summary>
    /// <param name="store">How to name the store, such as its file; the connection string may hold a password, so never that.</param>
    public static string? Describe(Exception ex, string store = "the database")
    {
        if (DatabaseError(ex) is not { } error)
        {
            return null;
        }

        var said = error.Message.TrimEnd('.').ReplaceLineEndings(" ");
        var (fault, provider) = Classify(error);
        return fault switch
        {
            StorageFault.DiskFull =>
                $"unable to write {store}: the disk is full ({said}); what was stored before is kept",
            StorageFault.WriteRefused =>
                $"unable to write {store}: the disk is full, the file has reached a size limit (ulimit -f) or the disk is failing ({said}); " +
                "what was stored before is kept",
            StorageFault.ReadOnly => ReadOnly(store),
            StorageFault.Corrupt =>
                $"{store} is corrupt ({said}): restore it from a backup; digestbot check tells what is damaged",
            StorageFault.ServerDiskFull =>
                $"unable to write {store}: the disk of the {provider?.Title} server is full ({said}); what was stored before is kept",
            _ => $"unable to use {store}: {said}",
        };
    }

    /// <summary>The line for a verb that writes, given a store it may only read.</summary>
    public static string ReadOnly(string store) =>
        $"{store} is read-only: this verb writes to it, so the bot needs write access to the store (and for SQLite to its folder); " +
        "articles, search, sources list and check only read";

    private static (StorageFault Fault, IStorageProvider? Provider) Classify(DbException error)
    {
        foreach (var provider in StorageProviders.All)
        {
            if (provider.Classify(error) is { } fault)
            {
                return (fault, provider);
            }
        }

        return (StorageFault.Other, null);
    }

    private static DbException? DatabaseError(Exception? ex) => ex switch
    {
        null => null,
        DbException db => db,
        AggregateException aggregate => aggregate.InnerExceptions.Select(DatabaseError).FirstOrDefault(e => e is not null),
        _ => DatabaseError(ex.InnerException),
    };
}
