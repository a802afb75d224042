using System.Text.Json;
using DigestBot.Core.Articles;

namespace DigestBot.Core.Importing;

/// <summary>Reads one article per line of JSON; a broken line becomes a problem and the other lines still import.</summary>
internal static class JsonLinesReader
{
    public static List<DocumentItem> Read(string text, List<string> problems)
    {
        var items = new List<DocumentItem>();
        var lineNumber = 0;
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            lineNumber++;
            if (line.IsWhiteSpace())
            {
                continue;
            }

            var label = $"line {lineNumber}";
            try
            {
                using var document = JsonDocument.Parse(line.ToString());
                if (ReadItem(document.RootElement, lineNumber, label, problems) is { } item)
                {
                    items.Add(item);
                }
            }
            catch (JsonException)
            {
                problems.Add($"{label}: not valid JSON");
            }
        }

        return items;
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
