using System.Text.Json;

namespace DigestBot.Core.Feeds;

/// <summary>Reads JSON Feed 1.0 and 1.1; a malformed item is a problem line and the other items still count.</summary>
internal static class JsonFeedReader
{
    public const string VersionPrefix = "https://jsonfeed.org/version/";

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 32, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static Feed? Read(string text, Uri? feedUrl, out string? failure)
    {
        failure = null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, Options);
        }
        catch (JsonException e)
        {
            failure = $"not valid JSON: {e.Message}";
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || String(root, "version") is not { } version
                || !version.StartsWith(VersionPrefix, StringComparison.Ordinal))
            {
                failure = FeedParser.NotAFeed;
                return null;
            }

            var problems = new List<string>();
            var entries = new List<FeedEntry>();
            if (root.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array)
            {
                var number = 0;
                foreach (var item in items.EnumerateArray())
                {
                    number++;
                    if (ReadItem(item, number, feedUrl, problems) is { } entry)
                    {
                        entries.Add(entry);
                        FeedValues.Check(entry, number, problems);
                    }
                }
            }
            else
            {
                problems.Add("feed has no items array");
            }

            return new Feed(
                FeedKind.JsonFeed,
                FeedValues.PlainText(String(root, "title")),
                FeedValues.Absolute(String(root, "home_page_url"), null, feedUrl),
                FeedValues.NullIfBlank(String(root, "language")),
                entries,
                problems);
        }
    }

    private static FeedEntry? ReadItem(JsonElement item, int number, Uri? feedUrl, List<string> problems)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"item {number}: not an object");
            return null;
        }

        var wrong = item.EnumerateObject()
            .Where(field => field.Name is "id" or "url" or "external_url" or "title" or "content_html" or "content_text" or "summary"
                                or "image" or "banner_image" or "date_published" or "date_modified"
                            && field.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null)
                            && !(field.Name == "id" && field.Value.ValueKind == JsonValueKind.Number))
            .Select(field => field.Name)
            .ToList();
        if (item.TryGetProperty("tags", out var tags) && tags.ValueKind is not (JsonValueKind.Array or JsonValueKind.Null))
        {
            wrong.Add("tags");
        }

        if (wrong.Count > 0)
        {
            problems.Add($"item {number}: {string.Join(", ", wrong)} of the wrong type, ignored");
        }

        var id = item.TryGetProperty("id", out var idValue) && idValue.ValueKind == JsonValueKind.Number ? idValue.GetRawText() : String(item, "id");
        var link = FeedValues.Absolute(String(item, "url"), null, feedUrl) ?? FeedValues.Absolute(String(item, "external_url"), null, feedUrl);
        var image = FeedValues.Absolute(String(item, "image"), null, feedUrl) ?? FeedValues.Absolute(String(item, "banner_image"), null, feedUrl);
        var categories = tags.ValueKind == JsonValueKind.Array
            ? FeedValues.Categories(tags.EnumerateArray().Select(tag => tag.ValueKind == JsonValueKind.String ? tag.GetString() : null))
            : [];
        return new FeedEntry(
            FeedValues.NullIfBlank(id),
            link,
            FeedValues.PlainText(String(item, "title")),
            FeedValues.NullIfBlank(String(item, "content_html")) ?? FeedValues.TextToHtml(String(item, "content_text")),
            FeedValues.TextToHtml(String(item, "summary")),
            FeedValues.ParseDate(String(item, "date_published")),
            FeedValues.ParseDate(String(item, "date_modified")),
            image,
            categories);
    }

    /// <summary>The property's text, or null when it is missing or not a string.</summary>
    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
