using System.Text.Json;
using DigestBot.Core.Articles;

namespace DigestBot.Core.Importing;

/// <summary>Reads one article per line of JSON, line by line from a stream; a broken, binary or too large line becomes a
/// problem and the other lines still import.</summary>
internal static class JsonLinesReader
{
    /// <param name="content">UTF-8 (or Windows-1251) bytes after any byte order mark; each line is decoded on its own.</param>
    /// <param name="tooLarge">The problem for a line of the given length over <paramref name="maxLineBytes"/>.</param>
    public static IEnumerable<DocumentItem> Read(Stream content, long maxLineBytes, Func<long, string> tooLarge, List<string> problems)
    {
        var lines = new ByteLines(content, maxLineBytes);
        var lineNumber = 0;
        var windows1251 = false;
        while (lines.Next(out var length, out var bytes))
        {
            lineNumber++;
            var label = $"line {lineNumber}";
            if (bytes is not { } line)
            {
                problems.Add($"{label}: {tooLarge(length)}");
                continue;
            }

            if (TextDecoder.IsBlank(line.Span))
            {
                continue;
            }

            // Judged per line: one stray NUL costs its own line, not the file.
            if (TextDecoder.LooksBinary(line.Span))
            {
                problems.Add($"{label}: binary");
                continue;
            }

            if (TextDecoder.DecodeLine(line.Span, ref windows1251) is not { } text)
            {
                problems.Add($"{label}: not UTF-8 or Windows-1251 text");
                continue;
            }

            if (Parse(text, lineNumber, label, problems) is { } item)
            {
                yield return item;
            }
        }
    }

    private static DocumentItem? Parse(string line, int lineNumber, string label, List<string> problems)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            return ReadItem(document.RootElement, lineNumber, label, problems);
        }
        catch (JsonException)
        {
            problems.Add($"{label}: not valid JSON");
            return null;
        }
    }

    private static DocumentItem? ReadItem(JsonElement root, int lineNumber, string label, List<string> problems)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{label}: not a JSON object");
            return null;
        }

        var body = Text(root, "body") ?? Text(root, "text");
        if (string.IsNullOrWhiteSpace(body))
        {
            problems.Add($"{label}: no body or text");
            return null;
        }

        var languageCode = NullIfBlank(Text(root, "language"));
        Language? language = LanguageCodes.TryParse(languageCode, out var parsed) ? parsed : null;
        if (languageCode is not null && language is null)
        {
            problems.Add($"{label}: unknown language \"{languageCode}\", detected instead");
        }

        var published = NullIfBlank(Text(root, "published") ?? Text(root, "publishedAt"));
        var publishedAt = PublishedDateParser.Parse(published);
        if (published is not null && publishedAt is null)
        {
            problems.Add($"{label}: unrecognized date \"{published}\"");
        }

        var metadata = new ArticleMetadata(
            NullIfBlank(Text(root, "title")),
            SourceFinder.Normalize(Text(root, "source")),
            NullIfBlank(Text(root, "url")),
            publishedAt,
            language,
            Topics(root));
        var key = NullIfBlank(Text(root, "id")) ?? $"line:{lineNumber}";
        return new DocumentItem(key, label, metadata, Paragraphs.FromLines(body));
    }

    /// <summary>A string field, or a number written as its JSON text (ids are often numbers).</summary>
    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    private static IReadOnlyList<string>? Topics(JsonElement root) =>
        root.TryGetProperty("topics", out var topics)
            ? topics.ValueKind switch
            {
                JsonValueKind.Array => ArticleMetadata.NormalizeTopics(
                    topics.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString())),
                JsonValueKind.String => ArticleMetadata.ParseTopics(topics.GetString()),
                _ => null,
            }
            : null;

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
