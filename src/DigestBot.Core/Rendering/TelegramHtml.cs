using System.Text;

namespace DigestBot.Core.Rendering;

/// <summary>Escaping and small builders for Telegram's HTML parse mode; every helper takes plain text and escapes it.</summary>
public static class TelegramHtml
{
    /// <summary>Telegram's limit on a message's text, counted after entity parsing.</summary>
    public const int MaxMessageLength = 4096;

    /// <summary>Escapes text for use between tags: only &lt;, &gt; and &amp; need it, quotes stay readable.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.AsSpan().ContainsAny('<', '>', '&')
            ? text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal)
            : text;
    }

    /// <summary>Escapes text for a double-quoted attribute value.</summary>
    public static string EscapeAttribute(string value) => Escape(value).Replace("\"", "&quot;", StringComparison.Ordinal);

    public static string Bold(string text) => Wrap("b", text);

    public static string Italic(string text) => Wrap("i", text);

    public static string Underline(string text) => Wrap("u", text);

    public static string Strikethrough(string text) => Wrap("s", text);

    public static string Spoiler(string text) => Wrap("tg-spoiler", text);

    public static string Code(string text) => Wrap("code", text);

    /// <summary>A pre-formatted block, optionally marked with a programming language for highlighting.</summary>
    public static string Pre(string text, string? language = null) => language is null
        ? Wrap("pre", text)
        : $"<pre><code class=\"{EscapeAttribute("language-" + language)}\">{Escape(text)}</code></pre>";

    public static string Blockquote(string text, bool expandable = false) =>
        $"<blockquote{(expandable ? " expandable" : "")}>{Escape(text)}</blockquote>";

    /// <summary>A link, or just the escaped text when the URL is not one Telegram should open (see <see cref="IsAllowedUrl"/>).</summary>
    public static string Link(string text, string url) => IsAllowedUrl(url)
        ? $"<a href=\"{EscapeAttribute(url)}\">{Escape(text)}</a>"
        : Escape(text);

    /// <summary>True for absolute http and https URLs with a host, and tg: URLs; false for javascript:, relative paths and the like.</summary>
    public static bool IsAllowedUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || url.Any(char.IsControl) || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return false;
        }

        return uri.Scheme switch
        {
            "http" or "https" => uri.Host.Length > 0 && !url.Any(char.IsWhiteSpace),
            "tg" => true,
            _ => false,
        };
    }

    /// <summary>The text a reader sees: tags removed and entities decoded.</summary>
    /// <exception cref="ArgumentException">The input does not even tokenize as Telegram HTML.</exception>
    public static string ToPlainText(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (!HtmlTokenizer.TryTokenize(html, out var tokens, out var error))
        {
            throw new ArgumentException($"Not Telegram HTML: {error}", nameof(html));
        }

        var text = new StringBuilder(html.Length);
        foreach (var token in tokens.Where(t => t.Kind is HtmlTokenKind.Text or HtmlTokenKind.Entity))
        {
            text.Append(token.Text);
        }

        return text.ToString();
    }

    /// <summary>UTF-16 length of <see cref="ToPlainText"/>, the measure Telegram's 4,096 limit applies to.</summary>
    public static int VisibleLength(string html) => ToPlainText(html).Length;

    private static string Wrap(string tag, string text) => $"<{tag}>{Escape(text)}</{tag}>";
}
