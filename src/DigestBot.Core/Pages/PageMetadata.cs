using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using DigestBot.Core.Importing;

namespace DigestBot.Core.Pages;

/// <summary>What a page states about its article in its head: Open Graph and Twitter tags, the canonical link, JSON-LD, <c>&lt;time&gt;</c>.</summary>
/// <param name="Title">The Open Graph title, which pages write for sharing and so without the site name.</param>
/// <param name="DocumentTitle">The <c>&lt;title&gt;</c> with the site name cut off.</param>
internal sealed partial record PageMetadata(string? Title, string? DocumentTitle, string? CanonicalUrl, string? ImageUrl, DateTimeOffset? PublishedAt, string? SiteName, string? Language)
{
    /// <summary>The JSON-LD types whose <c>datePublished</c> is the article's; a page's WebPage or Organization dates are not.</summary>
    private static readonly HashSet<string> ArticleTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "Article", "NewsArticle", "ReportageNews", "AnalysisNewsArticle", "OpinionNewsArticle", "BackgroundNewsArticle", "BlogPosting", "Report",
    };

    /// <summary>Where the times of other articles stand.</summary>
    private const string ElsewhereOnPage = "aside, nav, footer, [class*=related i], [class*=popular i], [class*=sidebar i], [class*=widget i], [class*=comment i]";

    /// <summary>Reads the metadata; call it before the chrome is removed, since the dates and links it reads live there.</summary>
    public static PageMetadata Read(IDocument document, Uri pageUrl)
    {
        var baseUrl = BaseUrl(document, pageUrl);
        var siteName = Text(Meta(document, "og:site_name") ?? Meta(document, "application-name"));
        return new PageMetadata(
            Text(Meta(document, "og:title")),
            CutSiteName(document.QuerySelector("title")?.TextContent, siteName, pageUrl),
            Canonical(Absolute(baseUrl, document.QuerySelector("link[rel~=canonical i]")?.GetAttribute("href")), pageUrl)
                ?? Canonical(Absolute(baseUrl, Meta(document, "og:url")), pageUrl),
            FirstAbsolute(baseUrl, Meta(document, "og:image"), Meta(document, "og:image:url"), Meta(document, "og:image:secure_url"),
                Meta(document, "twitter:image"), Meta(document, "twitter:image:src")),
            PublishedDateParser.Parse(Meta(document, "article:published_time"))
                ?? JsonLdDate(document)
                ?? PublishedDateParser.Parse(document.QuerySelector("[itemprop=datePublished]")?.GetAttribute("content"))
                ?? TimeElementDate(document),
            siteName,
            LanguageCode(document.DocumentElement.GetAttribute("lang"))
                ?? LanguageCode(document.QuerySelector("meta[http-equiv=content-language i]")?.GetAttribute("content"))
                ?? LanguageCode(Meta(document, "og:locale")));
    }

    /// <summary>A canonical URL is trusted only on the page's own site and below its home page: a CMS that names the
    /// home or another outlet's page on every article would otherwise make all its stories one.</summary>
    public static string? Canonical(string? url, Uri pageUrl)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var canonical))
        {
            return null;
        }

        var sameSite = string.Equals(SiteOf(canonical.IdnHost), SiteOf(pageUrl.IdnHost), StringComparison.OrdinalIgnoreCase);
        var belowHome = canonical.AbsolutePath.Trim('/').Length > 0 || pageUrl.AbsolutePath.Trim('/').Length == 0;
        return sameSite && belowHome ? url : null;
    }

    /// <summary>The registrable domain, near enough: the last two labels ("tengrinews.kz" of "www.tengrinews.kz", of
    /// "m.tengrinews.kz"), or three under a generic second level ("akorda.gov.kz", "bbc.co.uk").</summary>
    private static string SiteOf(string host)
    {
        var labels = host.TrimEnd('.').Split('.');
        var take = labels.Length >= 3 && labels[^2] is "com" or "gov" or "org" or "edu" or "net" or "co" or "ac" or "mil" ? 3 : 2;
        return string.Join('.', labels[^Math.Min(take, labels.Length)..]);
    }

    /// <summary>"ru-RU", "kk_KZ" and "EN" all become the primary subtag in lowercase.</summary>
    public static string? LanguageCode(string? tag)
    {
        var code = tag?.Trim().Split('-', '_', ',', ';')[0].ToLowerInvariant();
        return code is { Length: 2 or 3 } && code.All(char.IsAsciiLetterLower) ? code : null;
    }

    /// <summary>Resolves <paramref name="href"/> against the page and keeps it only if it is a web address.</summary>
    public static string? Absolute(Uri baseUrl, string? href)
    {
        if (string.IsNullOrWhiteSpace(href) || !Uri.TryCreate(baseUrl, href.Trim(), out var url) || url.Scheme is not ("http" or "https"))
        {
            return null;
        }

        return url.AbsoluteUri;
    }

    public static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : Paragraphs.Collapse(value);

    /// <summary>
    /// The <c>&lt;title&gt;</c> without the site name pages append to it. After " | " the rest is always the site; after a dash
    /// it is cut only when it names the site, since headlines use dashes too ("Астана — Алматы: ...").
    /// </summary>
    public static string? CutSiteName(string? title, string? siteName, Uri pageUrl)
    {
        if (Text(title) is not { } text)
        {
            return null;
        }

        var match = SiteSuffix().Match(text);
        if (!match.Success)
        {
            return text;
        }

        var suffix = match.Groups["site"].Value;
        var host = pageUrl.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? pageUrl.Host[4..] : pageUrl.Host;
        var namesSite = match.Groups["sep"].Value == "|"
            || (siteName is not null && suffix.Contains(siteName, StringComparison.OrdinalIgnoreCase))
            || suffix.Contains(host.Split('.')[0], StringComparison.OrdinalIgnoreCase)
            || DomainName().IsMatch(suffix);
        return namesSite ? match.Groups["title"].Value : text;
    }

    private static string? Meta(IDocument document, string name) =>
        document.QuerySelector($"meta[property='{name}' i], meta[name='{name}' i]")?.GetAttribute("content");

    private static string? FirstAbsolute(Uri baseUrl, params ReadOnlySpan<string?> hrefs)
    {
        foreach (var href in hrefs)
        {
            if (Absolute(baseUrl, href) is { } url)
            {
                return url;
            }
        }

        return null;
    }

    private static Uri BaseUrl(IDocument document, Uri pageUrl) =>
        document.QuerySelector("base[href]")?.GetAttribute("href") is { } href && Uri.TryCreate(pageUrl, href.Trim(), out var url)
            && url.Scheme is "http" or "https"
            ? url
            : pageUrl;

    private static DateTimeOffset? JsonLdDate(IDocument document)
    {
        foreach (var script in document.QuerySelectorAll("script[type='application/ld+json' i]"))
        {
            try
            {
                using var json = JsonDocument.Parse(script.TextContent, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                if (FindArticleDate(json.RootElement) is { } date)
                {
                    return date;
                }
            }
            catch (JsonException)
            {
                // Hand-written JSON-LD is often broken; the other sources of the date remain.
            }
        }

        return null;
    }

    /// <summary>Looks through arrays and <c>@graph</c> for an article node with a readable <c>datePublished</c>.</summary>
    private static DateTimeOffset? FindArticleDate(JsonElement node)
    {
        switch (node.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in node.EnumerateArray())
                {
                    if (FindArticleDate(item) is { } date)
                    {
                        return date;
                    }
                }

                return null;
            case JsonValueKind.Object:
                if (IsArticle(node) && node.TryGetProperty("datePublished", out var published) && published.ValueKind == JsonValueKind.String
                    && PublishedDateParser.Parse(published.GetString()) is { } stated)
                {
                    return stated;
                }

                return node.TryGetProperty("@graph", out var graph) ? FindArticleDate(graph) : null;
            default:
                return null;
        }
    }

    private static bool IsArticle(JsonElement node)
    {
        if (!node.TryGetProperty("@type", out var type))
        {
            return false;
        }

        return type.ValueKind switch
        {
            JsonValueKind.String => ArticleTypes.Contains(type.GetString()!),
            JsonValueKind.Array => type.EnumerateArray().Any(item => item.ValueKind == JsonValueKind.String && ArticleTypes.Contains(item.GetString()!)),
            _ => false,
        };
    }

    /// <summary>A <c>&lt;time datetime&gt;</c> of the article; the times of related news in sidebars are not its date.</summary>
    private static DateTimeOffset? TimeElementDate(IDocument document)
    {
        var time = document.QuerySelector("article time[datetime]")
            ?? document.QuerySelectorAll("time[datetime]").FirstOrDefault(element => element.Closest(ElsewhereOnPage) is null);
        return PublishedDateParser.Parse(time?.GetAttribute("datetime"));
    }

    /// <summary>"Headline | Site", "Headline - Site", "Headline — Site": the last separator splits off the site.</summary>
    [GeneratedRegex(@"^(?<title>.{8,}?)\s+(?<sep>[|\-–—])\s+(?<site>[^|\-–—]{2,60})$")]
    private static partial Regex SiteSuffix();

    [GeneratedRegex(@"\b[\p{L}\d-]+\.\p{L}{2,}\b")]
    private static partial Regex DomainName();
}
