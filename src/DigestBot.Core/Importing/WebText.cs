using System.Text;
using System.Text.RegularExpressions;
using System.Text.Unicode;

namespace DigestBot.Core.Importing;

/// <summary>Turns the body of an HTTP response (a page or a feed) into text, whichever way its encoding is stated, if at all.</summary>
public static partial class WebText
{
    /// <summary>Declarations are in the head of a document; a page that states its charset later is not worth a longer search.</summary>
    private const int DeclarationWindow = 4096;

    private static readonly Encoding Windows1251 = CodePagesEncodingProvider.Instance.GetEncoding(1251)
        ?? throw new InvalidOperationException("Windows-1251 is not available.");

    /// <summary>
    /// Decodes an HTTP body: the BOM first (unambiguous), then the charset of the Content-Type header, then the
    /// &lt;meta charset&gt; / &lt;meta http-equiv&gt; / &lt;?xml encoding?&gt; declaration in the first 4 KB, then UTF-8 if valid, then Windows-1251.
    /// </summary>
    /// <param name="headerCharset">The charset parameter of the Content-Type header, or null; a name .NET does not know is passed over.</param>
    public static string DecodeWeb(ReadOnlySpan<byte> body, string? headerCharset)
    {
        if (body.StartsWith(Encoding.UTF8.Preamble))
        {
            return Encoding.UTF8.GetString(body[Encoding.UTF8.Preamble.Length..]);
        }

        if (body.StartsWith(Encoding.Unicode.Preamble))
        {
            return Encoding.Unicode.GetString(body[2..]);
        }

        if (body.StartsWith(Encoding.BigEndianUnicode.Preamble))
        {
            return Encoding.BigEndianUnicode.GetString(body[2..]);
        }

        var encoding = EncodingOf(headerCharset) ?? EncodingOf(DeclaredCharset(body));
        if (encoding is not null)
        {
            return encoding.GetString(body);
        }

        return Utf8.IsValid(body) ? Encoding.UTF8.GetString(body) : Windows1251.GetString(body);
    }

    /// <summary>The charset named in the document's head; read as Latin-1, which keeps every ASCII declaration intact.</summary>
    private static string? DeclaredCharset(ReadOnlySpan<byte> body)
    {
        var head = Encoding.Latin1.GetString(body[..Math.Min(body.Length, DeclarationWindow)]);
        var match = Declaration().Match(head);
        return match.Success ? match.Groups["name"].Value : null;
    }

    /// <summary>Built-in encodings first (UTF-8, UTF-16, Latin-1), then the code pages (windows-1251, koi8-r, …); null when the name is unknown.</summary>
    private static Encoding? EncodingOf(string? name)
    {
        name = name?.Trim().Trim('"', '\'').Trim();
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(name);
        }
    }

    [GeneratedRegex(@"<meta\s[^>]*?charset\s*=\s*[""']?\s*(?<name>[\w.:-]+)|<\?xml\s[^>]*?encoding\s*=\s*[""'](?<name>[\w.:-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex Declaration();
}
