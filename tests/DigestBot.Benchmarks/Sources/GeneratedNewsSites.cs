using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DigestBot.Benchmarks.Sources;

/// <summary>News sites on loopback (one Kestrel server listening on 127.0.0.2, 127.0.0.3, …, each address a host of
/// its own): N RSS 2.0 feeds of M teaser items, each item linking a distinct article page built from a fixture page
/// of the tests, its paragraphs and headline written anew. Pages are generated before the run and kept gzipped, as a
/// site's cache would serve them.</summary>
public sealed partial class GeneratedNewsSites : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly byte[][] feeds;
    private readonly byte[][][] pages;
    private int pagesServed;

    private GeneratedNewsSites(WebApplication app, int feedCount)
    {
        this.app = app;
        feeds = new byte[feedCount][];
        pages = new byte[feedCount][][];
        app.Run(AnswerAsync);
    }

    /// <summary>The sites' roots, e.g. http://127.0.0.2:41234, one per host.</summary>
    public IReadOnlyList<string> Hosts { get; private set; } = [];

    public int PagesServed => Volatile.Read(ref pagesServed);

    /// <summary>What the generated pages take in memory, gzipped.</summary>
    public long PageBytes => pages.Sum(feed => feed.Sum(page => (long)page.Length));

    /// <summary>Feed <paramref name="feed"/>'s address: feeds are dealt to the hosts in turn.</summary>
    public string FeedUrl(int feed) => $"{Hosts[feed % Hosts.Count]}/feeds/{feed}.xml";

    public static async Task<GeneratedNewsSites> StartAsync(int feedCount, int itemsPerFeed, int hostCount)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls([.. Enumerable.Range(2, hostCount).Select(i => $"http://127.0.0.{i}:0")]);
        builder.Logging.ClearProviders();
        var site = new GeneratedNewsSites(builder.Build(), feedCount);
        await site.app.StartAsync();

        // Kestrel lists the addresses in its own order; the hosts are kept in the order of their addresses.
        string[] hosts = [.. site.app.Urls.Select(u => u.TrimEnd('/')).OrderBy(u => IPAddress.Parse(new Uri(u).Host).GetAddressBytes()[3])];
        site.Hosts = hosts;
        var (feeds, pages) = (site.feeds, site.pages);
        var templates = PageTemplate.LoadAll();
        var generator = new ArticleGenerator(Paths.Seeds);
        Parallel.For(0, feedCount, i =>
        {
            var root = hosts[i % hosts.Length];
            var random = new Random(i);
            var items = new StringBuilder();
            pages[i] = new byte[itemsPerFeed][];
            for (var j = 0; j < itemsPerFeed; j++)
            {
                var template = templates[(i + j) % templates.Count];
                var url = $"{root}/news/{i}/{j}";
                var headline = Headline(generator.NextSentence(template.Kazakh, random), 9);
                var published = new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.FromHours(5)).AddMinutes((i * itemsPerFeed) + j);
                pages[i][j] = Gzip(template.Render(root, url, headline, published, kazakh => generator.NextSentence(kazakh, random), random));
                items.Append(CultureInfo.InvariantCulture, $"""
                      <item>
                        <guid isPermaLink="false">news-{i}-{j}</guid>
                        <title>{WebUtility.HtmlEncode(headline)}</title>
                        <link>{url}</link>
                        <description>{WebUtility.HtmlEncode(generator.NextSentence(template.Kazakh, random))}</description>
                        <pubDate>{published.ToString("R", CultureInfo.InvariantCulture)}</pubDate>
                      </item>

                    """);
            }

            feeds[i] = Encoding.UTF8.GetBytes($"""
                <?xml version="1.0" encoding="utf-8"?>
                <rss version="2.0">
                  <channel>
                    <title>Лента {i}</title>
                    <link>{root}/</link>
                    <description>Новости сайта {i}</description>
                {items}  </channel>
                </rss>
                """);
        });
        return site;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private async Task AnswerAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        if (FeedPath().Match(path) is { Success: true } feed && int.TryParse(feed.Groups[1].ValueSpan, CultureInfo.InvariantCulture, out var i) && i < feeds.Length)
        {
            context.Response.ContentType = "application/rss+xml; charset=utf-8";
            await context.Response.Body.WriteAsync(feeds[i]);
            return;
        }

        if (PagePath().Match(path) is { Success: true } page
            && int.TryParse(page.Groups[1].ValueSpan, CultureInfo.InvariantCulture, out var f) && f < pages.Length
            && int.TryParse(page.Groups[2].ValueSpan, CultureInfo.InvariantCulture, out var j) && j < pages[f].Length)
        {
            Interlocked.Increment(ref pagesServed);
            context.Response.ContentType = "text/html; charset=utf-8";
            if (context.Request.Headers.AcceptEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.Headers.ContentEncoding = "gzip";
                await context.Response.Body.WriteAsync(pages[f][j]);
            }
            else
            {
                await using var unzip = new GZipStream(new MemoryStream(pages[f][j]), CompressionMode.Decompress);
                await unzip.CopyToAsync(context.Response.Body);
            }

            return;
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
    }

    private static string Headline(string sentence, int words) =>
        string.Join(' ', sentence.Split(' ').Take(words)).TrimEnd(',', '.', ':', '–', '—', ';');

    private static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var zip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            zip.Write(Encoding.UTF8.GetBytes(text));
        }

        return buffer.ToArray();
    }

    [GeneratedRegex(@"^/feeds/(\d+)\.xml$")]
    private static partial Regex FeedPath();

    [GeneratedRegex(@"^/news/(\d+)/(\d+)$")]
    private static partial Regex PagePath();

    /// <summary>A fixture page with its article paragraphs, headline, canonical address and dates marked for replacing;
    /// its chrome (menus, related links, comments, footer) stays as it is.</summary>
    private sealed partial class PageTemplate
    {
        private const string ParagraphMark = "\u0001p\u0001";
        private const string HeadingMark = "\u0001h\u0001";

        private readonly string html;

        private PageTemplate(string html, bool kazakh)
        {
            this.html = html;
            Kazakh = kazakh;
        }

        public bool Kazakh { get; }

        /// <summary>The ru and kk fixture pages served in UTF-8 (the bundled seeds that the sentences come from are ru and kk).</summary>
        public static List<PageTemplate> LoadAll()
        {
            var folder = Path.Combine(Paths.Root, "tests", "DigestBot.Tests", "Sources", "Fixtures", "pages");
            var templates = new List<PageTemplate>();
            foreach (var file in Directory.GetFiles(folder, "*.expected.json").Order(StringComparer.Ordinal))
            {
                using var expected = JsonDocument.Parse(File.ReadAllText(file));
                var root = expected.RootElement;
                var language = root.GetProperty("language").GetString();
                if (language is not ("ru" or "kk") || root.GetProperty("servedAs").GetString() != "utf-8")
                {
                    continue;
                }

                var html = File.ReadAllText(file[..^".expected.json".Length] + ".html");
                var paragraphs = root.GetProperty("paragraphs").EnumerateArray().Select(p => p.GetString()!).ToHashSet(StringComparer.Ordinal);
                var marked = new HashSet<string>(StringComparer.Ordinal);
                html = Paragraph().Replace(html, match =>
                {
                    var text = PlainText(match.Groups[3].Value);
                    if (!paragraphs.Contains(text))
                    {
                        return match.Value;
                    }

                    marked.Add(text);
                    return match.Groups[1].Value + (match.Groups[2].Value == "p" ? ParagraphMark : HeadingMark) + match.Groups[4].Value;
                });

                // Some engines write the article as bare text between <br> tags.
                foreach (var paragraph in paragraphs.Except(marked).ToList())
                {
                    var written = html.Contains(paragraph, StringComparison.Ordinal) ? paragraph : WebUtility.HtmlEncode(paragraph);
                    if (html.Contains(written, StringComparison.Ordinal))
                    {
                        html = html.Replace(written, ParagraphMark, StringComparison.Ordinal);
                        marked.Add(paragraph);
                    }
                }

                if (marked.Count != paragraphs.Count)
                {
                    throw new InvalidOperationException($"{Path.GetFileName(file)}: {marked.Count} of {paragraphs.Count} article paragraphs found in the page");
                }

                var title = WebUtility.HtmlEncode(root.GetProperty("title").GetString()!);
                var canonical = root.GetProperty("canonicalUrl").GetString()!;
                html = html.Replace(canonical, "\u0001url\u0001", StringComparison.Ordinal)
                    .Replace(title, "\u0001title\u0001", StringComparison.Ordinal)
                    .Replace(root.GetProperty("title").GetString()!, "\u0001title\u0001", StringComparison.Ordinal);
                templates.Add(new PageTemplate(html, language == "kk"));
            }

            return templates;
        }

        /// <summary>The page at <paramref name="url"/>: each article paragraph two to four new sentences, each subheading
        /// a few words of one, the headline and the publication time the feed gives.</summary>
        public string Render(string root, string url, string headline, DateTimeOffset published, Func<bool, string> sentence, Random random)
        {
            var page = new StringBuilder(html.Length + 2048);
            var parts = html.Replace("\u0001url\u0001", url, StringComparison.Ordinal)
                .Replace("\u0001title\u0001", WebUtility.HtmlEncode(headline), StringComparison.Ordinal)
                .Replace("{{base}}", root, StringComparison.Ordinal)
                .Split(ParagraphMark);
            page.Append(PublishedTime().Replace(parts[0], published.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)));
            foreach (var part in parts.Skip(1))
            {
                var headings = part.Split(HeadingMark);
                var rest = headings[0];
                foreach (var after in headings.Skip(1))
                {
                    rest += WebUtility.HtmlEncode(Headline(sentence(Kazakh), 5)) + after;
                }

                var sentences = random.Next(2, 5);
                for (var s = 0; s < sentences; s++)
                {
                    page.Append(WebUtility.HtmlEncode(sentence(Kazakh))).Append(s < sentences - 1 ? " " : "");
                }

                page.Append(rest);
            }

            return page.ToString();
        }

        private static string PlainText(string html) =>
            Whitespace().Replace(WebUtility.HtmlDecode(Tag().Replace(html, "")), " ").Trim();

        [GeneratedRegex(@"(<(p|h2|h3)\b[^>]*>)(.*?)(</\2>)", RegexOptions.Singleline)]
        private static partial Regex Paragraph();

        [GeneratedRegex(@"<[^>]+>")]
        private static partial Regex Tag();

        [GeneratedRegex(@"\s+")]
        private static partial Regex Whitespace();

        [GeneratedRegex(@"(?<=article:published_time"" content="")[^""]+")]
        private static partial Regex PublishedTime();
    }
}
