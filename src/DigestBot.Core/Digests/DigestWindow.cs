namespace DigestBot.Core.Digests;

/// <summary>The stretch of time a digest covers, <see cref="From"/> included and <see cref="To"/> excluded.</summary>
/// <remarks>Give both bounds in the reader's offset: <see cref="Day"/>, the date in the header, is read from them.</remarks>
public readonly record struct DigestWindow
{
    public DigestWindow(DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(from, to);
        From = from;
        To = to;
    }

    public DateTimeOffset From { get; }

    public DateTimeOffset To { get; }

    /// <summary>The day of the window's last moment: a window ending at midnight belongs to the day before.</summary>
    public DateOnly Day => DateOnly.FromDateTime(To.AddTicks(-1).DateTime);

    public bool Contains(DateTimeOffset moment) => moment >= From && moment < To;

    /// <summary>An article belongs to the window when it was published or imported within it.</summary>
    public bool Contains(DigestCandidate candidate) =>
        Contains(candidate.ImportedAt) || (candidate.PublishedAt is { } published && Contains(published));
}
