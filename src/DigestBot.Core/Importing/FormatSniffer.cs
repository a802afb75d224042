using DigestBot.Core.Feeds;

namespace DigestBot.Core.Importing;

/// <summary>Decides a document's format from its content first and its file extension second.</summary>
internal static class FormatSniffer
{
    public static DocumentFormat Detect(string fileName, string text)
    {
        var start = text.AsSpan().TrimStart();
        if (start.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase)
            || start.StartsWith("<rss", StringComparison.OrdinalIgnoreCase)
            || start.StartsWith("<feed", StringComparison.OrdinalIgnoreCase))
        {
            return DocumentFormat.Feed;
        }

        if (FeedParser.IsJsonFeed(text))
        {
            return DocumentFormat.Feed;
        }

        if (FrontMatterReader.HasFrontMatter(text))
        {
            return DocumentFormat.Markdown;
        }

        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        switch (extension)
        {
            case ".jsonl" or ".ndjson":
                return DocumentFormat.JsonLines;
            case ".xml" or ".rss" or ".atom":
                return DocumentFormat.Feed;
            case ".md" or ".markdown":
                return DocumentFormat.Markdown;
        }

        var firstLine = start[..(start.IndexOf('\n') is var newline and >= 0 ? newline : start.Length)].TrimEnd();
        return firstLine.StartsWith('{') && firstLine.EndsWith('}') ? DocumentFormat.JsonLines : DocumentFormat.ScrapedText;
    }
}
