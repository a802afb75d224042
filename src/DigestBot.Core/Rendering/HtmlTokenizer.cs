using System.Globalization;
using System.Text;

namespace DigestBot.Core.Rendering;

/// <summary>Splits Telegram HTML into text, entities and tags, rejecting anything Telegram's parser would not read the same way.</summary>
internal static class HtmlTokenizer
{
    public static bool TryTokenize(string html, out List<HtmlToken> tokens, out string? error)
    {
        tokens = [];
        error = null;
        var i = 0;
        while (i < html.Length)
        {
            var token = html[i] switch
            {
                '<' => ReadTag(html, i, out error),
                '&' => ReadEntity(html, i, out error),
                '>' => Fail($"bare '>' at {i}; write &gt;", out error),
                _ => ReadText(html, i),
            };
            if (token is null)
            {
                return false;
            }

            tokens.Add(token);
            i = token.End;
        }

        return true;
    }

    private static HtmlToken ReadText(string html, int start)
    {
        var end = html.AsSpan(start).IndexOfAny('<', '&', '>');
        var length = end < 0 ? html.Length - start : end;
        return new HtmlToken(HtmlTokenKind.Text, start, length, html.Substring(start, length), []);
    }

    private static HtmlToken? ReadEntity(string html, int start, out string? error)
    {
        error = null;
        // The longest entity we accept, "&#x10FFFF;", is 10 characters; looking further would only cost time.
        var semicolon = html.IndexOf(';', start, Math.Min(12, html.Length - start));
        if (semicolon < 0)
        {
            return Fail($"bare '&' at {start}; write &amp;", out error);
        }

        var name = html.AsSpan(start + 1, semicolon - start - 1);
        var decoded = DecodeEntity(name);
        return decoded is null
            ? Fail($"unsupported entity '&{name};' at {start}", out error)
            : new HtmlToken(HtmlTokenKind.Entity, start, semicolon - start + 1, decoded, []);
    }

    /// <summary>Decodes the part between '&amp;' and ';' of the entities Telegram accepts, or returns null.</summary>
    internal static string? DecodeEntity(ReadOnlySpan<char> name)
    {
        switch (name)
        {
            case "lt":
                return "<";
            case "gt":
                return ">";
            case "amp":
                return "&";
            case "quot":
                return "\"";
        }

        if (name.Length < 2 || name[0] != '#')
        {
            return null;
        }

        var hex = name[1] is 'x' or 'X';
        var digits = name[(hex ? 2 : 1)..];
        var style = hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None;
        if (digits.Length == 0 || !int.TryParse(digits, style, CultureInfo.InvariantCulture, out var codePoint))
        {
            return null;
        }

        // Zero, lone surrogates and values past U+10FFFF name no character.
        return codePoint > 0 && Rune.IsValid(codePoint) ? char.ConvertFromUtf32(codePoint) : null;
    }

    private static HtmlToken? ReadTag(string html, int start, out string? error)
    {
        error = null;
        var i = start + 1;
        var closing = i < html.Length && html[i] == '/';
        if (closing)
        {
            i++;
        }

        var name = ReadName(html, ref i);
        if (name.Length == 0)
        {
            return Fail($"bare '<' at {start}; write &lt;", out error);
        }

        var attributes = new List<HtmlAttribute>();
        while (true)
        {
            var spaced = SkipSpaces(html, ref i);
            if (i >= html.Length)
            {
                return Fail($"tag <{name}> at {start} is not terminated", out error);
            }

            if (html[i] == '>')
            {
                break;
            }

            var attributeName = spaced && !closing ? ReadName(html, ref i) : "";
            if (attributeName.Length == 0)
            {
                return Fail($"malformed tag <{(closing ? "/" : "")}{name}> at {start}", out error);
            }

            string? value = null;
            if (i < html.Length && html[i] == '=')
            {
                i++;
                value = ReadQuotedValue(html, ref i, out error);
                if (value is null)
                {
                    error = $"attribute {attributeName} of <{name}> at {start}: {error}";
                    return null;
                }
            }

            if (attributes.Exists(a => a.Name == attributeName))
            {
                return Fail($"attribute {attributeName} repeated in <{name}> at {start}", out error);
            }

            attributes.Add(new HtmlAttribute(attributeName, value));
        }

        return new HtmlToken(closing ? HtmlTokenKind.EndTag : HtmlTokenKind.StartTag, start, i + 1 - start, name, attributes);
    }

    private static string? ReadQuotedValue(string html, ref int i, out string? error)
    {
        error = null;
        if (i >= html.Length || html[i] != '"')
        {
            error = "value must be in double quotes";
            return null;
        }

        var value = new StringBuilder();
        for (i++; i < html.Length; i++)
        {
            switch (html[i])
            {
                case '"':
                    i++;
                    return value.ToString();
                case '<' or '>':
                    error = $"'{html[i]}' inside the value";
                    return null;
                case '&':
                    var entity = ReadEntity(html, i, out error);
                    if (entity is null)
                    {
                        return null;
                    }

                    value.Append(entity.Text);
                    i = entity.End - 1;
                    break;
                default:
                    value.Append(html[i]);
                    break;
            }
        }

        error = "value is not terminated";
        return null;
    }

    // Lower-case only: we write every tag ourselves, so an upper-case one is a typo worth catching.
    private static string ReadName(string html, ref int i)
    {
        var start = i;
        while (i < html.Length && (char.IsAsciiLetterLower(html[i]) || (i > start && (html[i] == '-' || char.IsAsciiDigit(html[i])))))
        {
            i++;
        }

        return html[start..i];
    }

    private static bool SkipSpaces(string html, ref int i)
    {
        var start = i;
        while (i < html.Length && html[i] is ' ' or '\t' or '\n' or '\r')
        {
            i++;
        }

        return i > start;
    }

    private static HtmlToken? Fail(string message, out string? error)
    {
        error = message;
        return null;
    }
}
