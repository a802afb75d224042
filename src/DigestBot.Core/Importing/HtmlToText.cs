using System.Net;
using System.Text.RegularExpressions;

namespace DigestBot.Core.Importing;

/// <summary>Plain text from the HTML of a feed item: block elements become paragraphs, other tags are dropped, entities decoded.</summary>
internal static partial class HtmlToText
{
    public static string Convert(string html)
    {
        var text = Invisible().Replace(html, " ");
        text = LineBreak().Replace(text, "\n");
        text = BlockTag().Replace(text, "\n\n");
        text = AnyTag().Replace(text, "");
        return WebUtility.HtmlDecode(text);
    }

    [GeneratedRegex(@"<(script|style|noscript|iframe)\b[^>]*>.*?</\1\s*>|<!--.*?-->", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Invisible();

    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"</?(?:p|div|h[1-6]|li|ul|ol|blockquote|tr|table|section|article|figure|figcaption|header|footer|pre|hr)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockTag();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex AnyTag();
}
