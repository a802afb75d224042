using DigestBot.Storage;

namespace DigestBot.Search;

/// <summary>Compares the search index with the articles (<c>digestbot check</c>) and builds it again from them.</summary>
public interface ISearchIndexCheck
{
    /// <summary>Counts, the articles without a row, rows without an article, and a sample of rows against their article now.</summary>
    Task<SearchIndexReport> CheckAsync(DigestDbContext db, int sampleSize, CancellationToken cancellationToken);

    /// <summary>Empties the index and fills it from every article, as the start-up step does when the analyzer changed.</summary>
    Task RebuildAsync(DigestDbContext db, CancellationToken cancellationToken);
}

/// <summary>What <see cref="ISearchIndexCheck.CheckAsync"/> found: one line per finding, none when the index is consistent.</summary>
public sealed record SearchIndexReport(long Articles, long Rows, int Sampled, IReadOnlyList<string> Findings);
