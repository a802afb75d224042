using DigestBot.Core.Importing;

namespace DigestBot.Importing;

/// <summary>What an import did with one file.</summary>
public sealed record FileImportOutcome(string Path, int Added, int Updated, int Unchanged, string? SkipReason, IReadOnlyList<string> Problems)
{
    public bool Skipped => SkipReason is not null;

    public static FileImportOutcome Skip(string path, string reason) => new(path, 0, 0, 0, reason, []);
}

/// <summary>What an import did, file by file.</summary>
public sealed record ImportReport(IReadOnlyList<FileImportOutcome> Files)
{
    public int Added => Files.Sum(f => f.Added);

    public int Updated => Files.Sum(f => f.Updated);

    public int Unchanged => Files.Sum(f => f.Unchanged);

    public int SkippedFiles => Files.Count(f => f.Skipped);

    /// <summary>Items inside files (a bad JSON line, a feed entry without text) that were dropped.</summary>
    public int Problems => Files.Sum(f => f.Problems.Count);

    public bool Clean => SkippedFiles == 0 && Problems == 0;

    /// <summary>Stopped on request before every file was read: the figures are what was stored until then.</summary>
    public bool Interrupted { get; init; }
}

/// <summary>An article read from a feed item, keyed by the item, with the hash of the item as the feed gave it.</summary>
public sealed record SourcedDraft(string Key, ArticleDraft Draft, string EntryHash);
