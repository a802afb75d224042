using System.Text.Json;

namespace DigestBot.Tests.Infrastructure;

/// <summary>The news-site fixtures under <c>Sources/Fixtures</c>: pages with what their article says and which chrome
/// must not reach it, and feeds whose items point at those pages.</summary>
internal static class SourceFixtures
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public static string Folder { get; } = Path.Combine(RepositoryPaths.Root, "tests", "DigestBot.Tests", "Sources", "Fixtures");

    public static IReadOnlyList<ExpectedPage> Pages { get; } = LoadPages();

    public static IReadOnlyDictionary<string, IReadOnlyList<ExpectedItem>> FeedItems { get; } =
        JsonSerializer.Deserialize<Dictionary<string, IReadOnlyList<ExpectedItem>>>(File.ReadAllText(PathOf("feeds/expected.json")), Json)!;

    public static string PathOf(string relative) => Path.Combine(Folder, relative);

    public static ExpectedPage Page(string name) => Pages.Single(p => p.Name == name);

    /// <summary>Serves every page at the path of its canonical URL, in the charset it is meant to come in.</summary>
    public static void ServePages(NewsSite site)
    {
        foreach (var page in Pages)
        {
            site.ServeFixture(page.Path, $"pages/{page.Name}.html", page.ServedAs);
        }
    }

    private static List<ExpectedPage> LoadPages() =>
    [
        .. Directory.GetFiles(PathOf("pages"), "*.expected.json")
            .Order(StringComparer.Ordinal)
            .Select(file => JsonSerializer.Deserialize<ExpectedPage>(File.ReadAllText(file), Json)! with
            {
                Name = Path.GetFileName(file)[..^".expected.json".Length],
            }),
    ];

    /// <summary>An RSS 2.0 feed of the given items; a null link leaves the element out.</summary>
    internal static string Rss(params (string Guid, string? Link, string Title, string Html)[] items) =>
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Лента</title><link>{{base}}/</link><description>Новости</description>"
        + string.Concat(items.Select(i =>
            $"<item><guid isPermaLink=\"false\">{i.Guid}</guid><title>{System.Security.SecurityElement.Escape(i.Title)}</title>"
            + (i.Link is null ? "" : $"<link>{i.Link}</link>")
            + $"<description><![CDATA[{i.Html}]]></description><pubDate>Mon, 30 Nov 2026 14:20:00 +0500</pubDate></item>"))
        + "</channel></rss>";
}

/// <summary>What one fixture page holds: its article paragraphs, and chrome that must stay out of the article.</summary>
internal sealed record ExpectedPage(
    string Language,
    string Title,
    string CanonicalUrl,
    string? ImageUrl,
    DateTimeOffset? PublishedAt,
    string ServedAs,
    IReadOnlyList<string> Paragraphs,
    IReadOnlyList<string> Chrome)
{
    public string Name { get; init; } = "";

    /// <summary>The path the site serves the page at: its canonical URL's.</summary>
    public string Path => CanonicalUrl.Replace("{{base}}", "", StringComparison.Ordinal);

    public string On(NewsSite site, string? url) => url?.Replace("{{base}}", site.Base, StringComparison.Ordinal) ?? "";
}

/// <summary>One item of a fixture feed: its plain title, and the page holding its article (null when the feed carries it whole).</summary>
internal sealed record ExpectedItem(string? Guid, string? Link, string Title, string? Page, DateTimeOffset? Published, IReadOnlyList<string>? Paragraphs);
