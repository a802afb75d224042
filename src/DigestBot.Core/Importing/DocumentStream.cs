namespace DigestBot.Core.Importing;

/// <summary>
/// One seed document read article by article (<see cref="DocumentReader.Open"/>): a file of many articles is never held
/// whole. <see cref="Problems"/> grows as the articles are read; <see cref="SkipReason"/> is final once they have been.
/// </summary>
public sealed class DocumentStream
{
    private readonly IEnumerable<DocumentItem> items;
    private readonly string? reasonWhenNone;
    private bool read;

    /// <param name="reasonWhenNone">Why a document of many articles is skipped when none is left; null for a one-article
    /// document, whose article failing to build is itself the reason.</param>
    internal DocumentStream(IEnumerable<DocumentItem> items, List<string> problems, string? reasonWhenNone)
        : this(_ => items, problems, reasonWhenNone)
    {
    }

    /// <param name="read">The items, read lazily by a reader that may set <see cref="Failure"/> on this stream.</param>
    internal DocumentStream(Func<DocumentStream, IEnumerable<DocumentItem>> read, List<string> problems, string? reasonWhenNone)
    {
        ProblemList = problems;
        this.reasonWhenNone = reasonWhenNone;
        items = read(this);
    }

    public IReadOnlyList<string> Problems => ProblemList;

    public string? SkipReason { get; private set; }

    /// <summary>Why the whole document is unreadable, when its reader finds out only while reading (a broken feed).</summary>
    internal string? Failure { get; set; }

    internal List<string> ProblemList { get; }

    internal static DocumentStream Skip(string reason) => new([], [], null) { SkipReason = reason, read = true };

    /// <summary>The articles, built as they are read; an item that cleans down to nothing is a problem, not a reason to drop the file. Read once.</summary>
    public IEnumerable<ArticleDraft> Articles()
    {
        if (read)
        {
            yield break;
        }

        read = true;
        var built = 0;
        foreach (var item in items)
        {
            if (ArticleBuilder.Build(item, out var failure) is { } draft)
            {
                built++;
                yield return draft;
            }
            else if (reasonWhenNone is null)
            {
                SkipReason = failure;
            }
            else
            {
                ProblemList.Add($"{item.Label}: {failure}");
            }
        }

        SkipReason ??= Failure ?? (built == 0 ? reasonWhenNone : null);
    }

    /// <summary>Reads every article into memory: for one-article documents and tests.</summary>
    public DocumentReadResult ToResult()
    {
        var drafts = Articles().ToList();
        return new DocumentReadResult(drafts, SkipReason, ProblemList);
    }
}
