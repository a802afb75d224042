using System.Buffers;

namespace DigestBot.Core.Rendering;

/// <summary>Checks that a string is HTML Telegram accepts with parse_mode=HTML: known tags and attributes, proper nesting, known entities.</summary>
/// <remarks>Stricter than Telegram where Telegram is lenient in ways we never rely on: lower-case tags, double-quoted
/// attributes, links only to http, https and tg, and no blockquote inside another entity.</remarks>
public static class TelegramHtmlValidator
{
    private static readonly SearchValues<char> LanguageNameChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+#-_.");

    public static (bool IsValid, string? Error) Validate(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (!HtmlTokenizer.TryTokenize(html, out var tokens, out var error))
        {
            return (false, error);
        }

        var open = new Stack<HtmlToken>();
        for (var i = 0; i < tokens.Count; i++)
        {
            error = tokens[i].Kind switch
            {
                HtmlTokenKind.StartTag => CheckStartTag(tokens[i], open) ?? CheckCodeInPreOpens(tokens, i, open),
                HtmlTokenKind.EndTag => CheckEndTag(tokens[i], open) ?? CheckCodeInPreCloses(tokens, i, open),
                _ => null,
            };
            if (error is not null)
            {
                return (false, error);
            }
        }

        return open.TryPeek(out var unclosed) ? (false, $"<{unclosed.Text}> at {unclosed.Start} is not closed") : (true, null);
    }

    // A code inside pre names the block's language, so it must be pre's only child.
    private static string? CheckCodeInPreOpens(List<HtmlToken> tokens, int index, Stack<HtmlToken> open) =>
        tokens[index].Text == "code" && open.ElementAtOrDefault(1) is { Text: "pre" } pre && tokens[index - 1] != pre
            ? $"<code> at {tokens[index].Start} must be the only content of <pre>"
            : null;

    private static string? CheckCodeInPreCloses(List<HtmlToken> tokens, int index, Stack<HtmlToken> open) =>
        tokens[index].Text == "code" && open.TryPeek(out var parent) && parent.Text == "pre"
        && tokens.ElementAtOrDefault(index + 1) is not { Kind: HtmlTokenKind.EndTag, Text: "pre" }
            ? $"</code> at {tokens[index].Start} must be followed by </pre>"
            : null;

    private static string? CheckEndTag(HtmlToken token, Stack<HtmlToken> open)
    {
        if (!open.TryPop(out var start))
        {
            return $"</{token.Text}> at {token.Start} closes nothing";
        }

        return start.Text == token.Text ? null : $"</{token.Text}> at {token.Start} closes <{start.Text}> opened at {start.Start}";
    }

    private static string? CheckStartTag(HtmlToken token, Stack<HtmlToken> open)
    {
        var error = CheckAttributes(token, open) ?? CheckNesting(token, open);
        if (error is null)
        {
            open.Push(token);
        }

        return error;
    }

    private static string? CheckAttributes(HtmlToken token, Stack<HtmlToken> open)
    {
        var attributes = token.Attributes;
        var where = $"<{token.Text}> at {token.Start}";
        switch (token.Text)
        {
            case "b" or "strong" or "i" or "em" or "u" or "ins" or "s" or "strike" or "del" or "tg-spoiler" or "pre":
                return attributes.Count == 0 ? null : $"{where} takes no attributes";
            case "span":
                return attributes is [{ Name: "class", Value: "tg-spoiler" }] ? null : $"{where} needs exactly class=\"tg-spoiler\"";
            case "a":
                if (attributes is not [{ Name: "href", Value: { } href }])
                {
                    return $"{where} needs exactly one href attribute";
                }

                return TelegramHtml.IsAllowedUrl(href) ? null : $"{where} links to '{href}', only http, https and tg URLs are allowed";
            case "code":
                if (attributes.Count == 0)
                {
                    return null;
                }

                if (attributes is not [{ Name: "class", Value: { } language }] || !IsLanguageClass(language))
                {
                    return $"{where} takes only class=\"language-…\"";
                }

                return open.TryPeek(out var parent) && parent.Text == "pre" ? null : $"{where} has a language but is not directly inside <pre>";
            case "blockquote":
                return attributes is [] or [{ Name: "expandable", Value: null }] ? null : $"{where} takes only the bare attribute expandable";
            case "tg-emoji":
                return attributes is [{ Name: "emoji-id", Value: { Length: > 0 } id }] && id.All(char.IsAsciiDigit)
                    ? null
                    : $"{where} needs exactly a numeric emoji-id";
            default:
                return $"unsupported tag <{token.Text}> at {token.Start}";
        }
    }

    private static bool IsLanguageClass(string value) =>
        value.StartsWith("language-", StringComparison.Ordinal)
        && value.Length > "language-".Length
        && value.AsSpan("language-".Length).ContainsAnyExcept(LanguageNameChars) is false;

    // Telegram: code and pre contain nothing (except pre's one code child), links do not nest, blockquotes do not nest.
    private static string? CheckNesting(HtmlToken token, Stack<HtmlToken> open)
    {
        if (!open.TryPeek(out var parent))
        {
            return null;
        }

        var where = $"<{token.Text}> at {token.Start}";
        if (parent.Text == "code" || (parent.Text == "pre" && token.Text != "code"))
        {
            return $"{where} cannot be inside <{parent.Text}>";
        }

        return token.Text switch
        {
            "blockquote" => $"{where} must not be inside another entity",
            "a" or "pre" or "code" or "tg-emoji" when open.FirstOrDefault(t => t.Text is "a" or "tg-emoji") is { } outer =>
                $"{where} cannot be inside <{outer.Text}>",
            _ => null,
        };
    }
}
