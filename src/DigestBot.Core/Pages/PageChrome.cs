using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace DigestBot.Core.Pages;

/// <summary>Finds the parts of a news page around its article: menus, share and subscribe widgets, related news, comments, banners.</summary>
internal static partial class PageChrome
{
    /// <summary>Elements that hold no article text on any page; captions and asides included, since they repeat or leave the story.</summary>
    private const string ChromeTags =
        "script, style, noscript, template, iframe, svg, canvas, object, embed, video, audio, form, button, input, select, "
        + "textarea, nav, aside, figure, figcaption, footer, dialog, [hidden], [aria-hidden=true], "
        + "[role=navigation], [role=banner], [role=contentinfo], [role=complementary], [role=dialog], [role=alertdialog], "
        + "[role=search], [role=menu], [role=menubar]";

    /// <summary>Words of class names and ids that news sites give their widgets; matched whole, so "tags" does not match "stage".</summary>
    private static readonly HashSet<string> WidgetWords =
    [
        "share", "sharing", "social", "socials", "likes", "related", "relap", "recommended", "recommendations", "also",
        "readmore", "popular", "tags", "tag", "hashtags", "comments", "comment", "disqus", "cookie", "cookies", "consent",
        "gdpr", "subscribe", "subscription", "newsletter", "advert", "advertisement", "ads", "adv", "promo", "sponsored",
        "breadcrumb", "breadcrumbs", "views", "counter", "caption", "credit", "credits", "author", "byline", "meta", "date",
        "rating", "print", "toolbar", "modal", "popup", "login", "search", "pagination", "pager", "skip", "ticker",
    ];

    /// <summary>Words that name parts of the layout; a page may name the column that holds its article "with-sidebar" or "main-menu-open".</summary>
    private static readonly HashSet<string> LayoutWords =
    [
        "sidebar", "widget", "widgets", "nav", "navbar", "navigation", "menu", "footer", "banner", "gallery", "slider", "carousel",
    ];

    /// <summary>What may hold the article itself and is never dropped as a widget.</summary>
    private const string ArticleHolders = "article, main, h1, [itemprop=articleBody]";

    /// <summary>A sidebar or menu never holds this share of the page's paragraph text; an element so named that does is the article's column.</summary>
    private const double MaxLayoutTextShare = 0.6;

    private enum ChromeKind
    {
        Widget,
        Layout,
    }

    /// <summary>Removes the chrome from <paramref name="document"/>, keeping whatever holds the article.</summary>
    public static void Remove(IDocument document)
    {
        foreach (var element in document.QuerySelectorAll(ChromeTags).ToArray())
        {
            element.Remove();
        }

        foreach (var header in document.QuerySelectorAll("header").Where(header => header.Closest("article") is null).ToArray())
        {
            if (!HoldsArticle(header))
            {
                header.Remove();
            }
        }

        var pageText = ParagraphTextLength(document.DocumentElement);
        foreach (var element in document.QuerySelectorAll("[class], [id]").ToArray())
        {
            // An ancestor removed earlier in this loop takes its descendants with it.
            if (element.Parent is null || HoldsArticle(element) || NameOf(element) is not { } kind)
            {
                continue;
            }

            if (kind == ChromeKind.Widget || ParagraphTextLength(element) <= pageText * MaxLayoutTextShare)
            {
                element.Remove();
            }
        }
    }

    /// <summary>What the class names or id of <paramref name="element"/> call it, if they call it chrome.</summary>
    private static ChromeKind? NameOf(IElement element)
    {
        if (element.LocalName is "html" or "body" or "main" or "article")
        {
            return null;
        }

        ChromeKind? kind = null;
        foreach (var name in (ReadOnlySpan<string?>)[element.GetAttribute("class"), element.Id])
        {
            if (name is null)
            {
                continue;
            }

            foreach (Match word in NameWord().Matches(name))
            {
                var lower = word.Value.ToLowerInvariant();
                if (WidgetWords.Contains(lower))
                {
                    return ChromeKind.Widget;
                }

                if (LayoutWords.Contains(lower))
                {
                    kind = ChromeKind.Layout;
                }
            }
        }

        return kind;
    }

    private static bool HoldsArticle(IElement element) => element.Matches(ArticleHolders) || element.QuerySelector(ArticleHolders) is not null;

    private static int ParagraphTextLength(IElement? element) =>
        element is null ? 0 : element.QuerySelectorAll("p").Sum(paragraph => paragraph.TextContent.Length);

    /// <summary>The words of "article__tags", "share-buttons" or "relatedNews": runs of letters, split where camel case starts a word.</summary>
    [GeneratedRegex(@"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")]
    private static partial Regex NameWord();
}
