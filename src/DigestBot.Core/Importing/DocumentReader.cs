namespace DigestBot.Core.Importing;

/// <summary>Turns the bytes of one seed file into article drafts, whatever format it is in.</summary>
public sealed class DocumentReader(long maxBytes = DocumentReader.DefaultMaxBytes)
{
    public const long DefaultMaxBytes = 8 * 1024 * 1024;

    public long MaxBytes { get; } = maxBytes;

    /// <summary>Why a file of <paramref name="length"/> bytes is not read: one wording wherever the size is checked.</summary>
    public string TooLarge(long length) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"too large: {length:N0} bytes, the limit is {MaxBytes:N0} (Seeds:MaxFileBytes)");

    /// <summary>Reads one file; never throws on bad content, a file that yields nothing is skipped with a short reason.</summary>
    public DocumentReadResult Read(string fileName, ReadOnlySpan<byte> content)
    {
        if (content.Length > MaxBytes)
        {
            return DocumentReadResult.Skip(TooLarge(content.Length));
        }

        if (!TextDecoder.TryDecode(content, out var text, out var decodeFailure))
        {
            return DocumentReadResult.Skip(decodeFailure);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return DocumentReadResult.Skip("empty file");
        }

        var problems = new List<string>();
        switch (FormatSniffer.Detect(fileName, text))
        {
            case DocumentFormat.JsonLines:
                return BuildAll(JsonLinesReader.Read(text, problems), problems, "no valid JSON lines");
            case DocumentFormat.Feed:
                return FeedReader.Read(text, problems, out var feedFailure) is { } feedItems
                    ? BuildAll(feedItems, problems, "feed has no items with text")
                    : DocumentReadResult.Skip(feedFailure ?? "not an RSS, Atom or JSON feed");
            case DocumentFormat.Markdown:
                return BuildOne(FrontMatterReader.Read(text, problems), problems);
            default:
                return BuildOne(new DocumentItem("", "document", ArticleMetadata.None, Paragraphs.FromLines(text)), problems);
        }
    }

    private static DocumentReadResult BuildOne(DocumentItem item, List<string> problems) =>
        ArticleBuilder.Build(item, out var failure) is { } draft
            ? new DocumentReadResult([draft], null, problems)
            : new DocumentReadResult([], failure, problems);

    /// <summary>Builds every item; one that cleans down to nothing is a problem, not a reason to drop the file.</summary>
    private static DocumentReadResult BuildAll(List<DocumentItem> items, List<string> problems, string reasonWhenNone)
    {
        var drafts = new List<ArticleDraft>(items.Count);
        foreach (var item in items)
        {
            if (ArticleBuilder.Build(item, out var failure) is { } draft)
            {
                drafts.Add(draft);
            }
            else
            {
                problems.Add($"{item.Label}: {failure}");
            }
        }

        return new DocumentReadResult(drafts, drafts.Count == 0 ? reasonWhenNone : null, problems);
    }
}
