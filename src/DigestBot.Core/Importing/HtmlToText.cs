using System.Net;
using System.Text.RegularExpressions;

namespace DigestBot.Core.Importing;

/// <summary>Plain text from HTML: block elements become paragraphs, other tags are dropped, entities decoded.</summary>
internal static partial class HtmlToText
{
    /// <summary>The HTML of a feed item; a <c>&lt;br&gt;</c> ends a line, and each line becomes a unit in <see cref="Paragraphs.FromLines"/>.</summary>
    public static string Convert(string html)
    {
        var text = Invisible().Replace(html, " ");
        text = LineBreak().Replace(text, "\n");
        text = BlockTag().Replace(text, "\n\n");
        text = AnyTag().Replace(text, "");
        return WebUtility.HtmlDecode(text);
    }

    /// <summary>
    /// The HTML of a web page's article as paragraphs. Line breaks in the markup are only spaces there, since pages wrap
    /// their source anywhere; a run of two or more <c>&lt;br&gt;</c> separates paragraphs, a single one is a soft break.
    /// </summary>
    public static List<string> ToParagraphs(string html)
    {
        var text = Invisible().Replace(html, " ");
        text = SourceLineBreak().Replace(text, " ");
        text = LineBreakRun().Replace(text, "\n\n");
        text = LineBreak().Replace(text, " ");
        text = BlockTag().Replace(text, "\n\n");
        text = CellTag().Replace(text, " ");
        text = AnyTag().Replace(text, "");
        return Paragraphs.FromLines(WebUtility.HtmlDecode(text));
    }

    [GeneratedRegex(@"<(script|style|noscript|iframe|template|svg)\b[^>]*>.*?</\1\s*>|<!--.*?-->", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Invisible();

    [GeneratedRegex(@"[\r\n]+")]
    private static partial Regex SourceLineBreak();

    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"<br\s*/?>(?:(?:\s|&nbsp;)*<br\s*/?>)+", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreakRun();

    [GeneratedRegex(@"</?(?:p|div|h[1-6]|li|ul|ol|dl|dt|dd|blockquote|tr|table|caption|section|article|main|aside|nav|figure|figcaption|header|footer|address|details|summary|pre|hr)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockTag();

    /// <summary>Cells of a table row stay on one line but must not run their words together.</summary>
    [GeneratedRegex(@"</?t[dh]\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex CellTag();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex AnyTag();
}
