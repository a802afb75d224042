using System.Globalization;
using System.Text;

namespace DigestBot.Core.Importing;

/// <summary>
/// Turns one seed file into article drafts, whatever format it is in. JSON Lines and RSS or Atom feeds are read article by
/// article from a stream, each article held to <see cref="MaxArticleBytes"/>; the one-article formats (plain text,
/// Markdown) and JSON Feed, a single JSON document, are read whole and held to <see cref="MaxFileBytes"/>.
/// </summary>
public sealed class DocumentReader(long maxFileBytes = DocumentReader.DefaultMaxFileBytes, long maxArticleBytes = DocumentReader.DefaultMaxArticleBytes)
{
    public const long DefaultMaxFileBytes = 8 * 1024 * 1024;

    public const long DefaultMaxArticleBytes = 1024 * 1024;

    /// <summary>How much of the start decides the format and encoding: every marker looked for sits at the very top.</summary>
    private const int SniffBytes = 64 * 1024;

    public long MaxFileBytes { get; } = maxFileBytes;

    public long MaxArticleBytes { get; } = maxArticleBytes;

    /// <summary>Why a file of <paramref name="length"/> bytes is not read: one wording wherever the size is checked.</summary>
    public string TooLarge(long length) =>
        string.Create(CultureInfo.InvariantCulture, $"too large: {length:N0} bytes, the limit is {MaxFileBytes:N0} (Seeds:MaxFileBytes)");

    /// <summary>Why one article (a JSON line, a feed item) of <paramref name="length"/> bytes is not read.</summary>
    public string ArticleTooLarge(long length) =>
        string.Create(CultureInfo.InvariantCulture, $"too large: {length:N0} bytes, the limit is {MaxArticleBytes:N0} (Seeds:MaxArticleBytes)");

    /// <summary>Reads one file held in memory; never throws on bad content, a file that yields nothing is skipped with a short reason.</summary>
    public DocumentReadResult Read(string fileName, ReadOnlySpan<byte> content)
    {
        using var stream = new MemoryStream(content.ToArray(), writable: false);
        return Open(fileName, stream).ToResult();
    }

    /// <summary>
    /// Opens one file for reading article by article. Never throws on bad content; the stream must be seekable (a file, or
    /// bytes in memory) and stay open until the articles have been read.
    /// </summary>
    public DocumentStream Open(string fileName, Stream content)
    {
        var origin = content.Position;
        var head = new byte[(int)Math.Min(SniffBytes, Math.Max(0, content.Length - origin))];
        var headLength = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var complete = origin + headLength >= content.Length;
        var start = head.AsSpan(0, headLength);

        var bom = TextDecoder.FromByteOrderMark(start, out var bomLength);
        var startText = (bom ?? Encoding.UTF8).GetString(start[bomLength..]);
        var format = FormatSniffer.Detect(fileName, startText);
        var problems = new List<string>();
        if (format == DocumentFormat.JsonLines)
        {
            if (complete && string.IsNullOrWhiteSpace(startText))
            {
                return DocumentStream.Skip("empty file");
            }

            content.Position = origin + bomLength;
            var lines = bom is null || bom == Encoding.UTF8
                ? content
                : Encoding.CreateTranscodingStream(content, bom, Encoding.UTF8, leaveOpen: true);
            return new DocumentStream(JsonLinesReader.Read(lines, MaxArticleBytes, ArticleTooLarge, problems), problems, "no valid JSON lines");
        }

        if (format == DocumentFormat.Feed && startText.AsSpan().TrimStart("\uFEFF \t\r\n").StartsWith('<'))
        {
            string? skipReason = null;
            var encoding = bom ?? TextDecoder.DetectFromStart(start, complete, out skipReason);
            if (encoding is null)
            {
                return DocumentStream.Skip(skipReason!);
            }

            content.Position = origin + bomLength;
            var text = new StreamReader(content, encoding, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
            return new DocumentStream(document => FeedReader.ReadXml(text, startText, MaxArticleBytes, document), problems, "feed has no items with text");
        }

        var length = content.Length - origin;
        if (length > MaxFileBytes)
        {
            return DocumentStream.Skip(TooLarge(length));
        }

        content.Position = origin;
        var bytes = new byte[length];
        content.ReadExactly(bytes);
        return ReadWhole(format, bytes, problems);
    }

    /// <summary>A one-article document, or a JSON Feed.</summary>
    private static DocumentStream ReadWhole(DocumentFormat format, byte[] content, List<string> problems)
    {
        if (!TextDecoder.TryDecode(content, out var text, out var decodeFailure))
        {
            return DocumentStream.Skip(decodeFailure);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return DocumentStream.Skip("empty file");
        }

        switch (format)
        {
            case DocumentFormat.Feed:
                return FeedReader.ReadJson(text, problems, out var feedFailure) is { } feedItems
                    ? new DocumentStream(feedItems, problems, "feed has no items with text")
                    : DocumentStream.Skip(feedFailure ?? "not an RSS, Atom or JSON feed");
            case DocumentFormat.Markdown:
                return new DocumentStream([FrontMatterReader.Read(text, problems)], problems, reasonWhenNone: null);
            default:
                return new DocumentStream([new DocumentItem("", "document", ArticleMetadata.None, Paragraphs.FromLines(text))], problems, reasonWhenNone: null);
        }
    }
}
