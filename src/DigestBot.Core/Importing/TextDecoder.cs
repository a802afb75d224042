using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Unicode;

namespace DigestBot.Core.Importing;

/// <summary>Turns the bytes of a seed file into text: UTF-8 or UTF-16 with a BOM, plain UTF-8, or Windows-1251 as a fallback.</summary>
internal static class TextDecoder
{
    /// <summary>Share of control bytes above which a file is taken for binary rather than text with a stray control character.</summary>
    private const double MaxControlShare = 0.01;

    private static readonly SearchValues<byte> Blanks = SearchValues.Create(" \t\r\n\v\f"u8);

    /// <summary>ASCII control bytes other than white space, and DEL.</summary>
    private static readonly SearchValues<byte> Controls = SearchValues.Create(
        [0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x0E, 0x0F, 0x10, 0x11, 0x12, 0x13,
         0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1A, 0x1B, 0x1C, 0x1D, 0x1E, 0x1F, 0x7F]);

    private static readonly Encoding Windows1251 =
        CodePagesEncodingProvider.Instance.GetEncoding(1251, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)
        ?? throw new InvalidOperationException("Windows-1251 is not available.");

    /// <summary>For a file already judged Windows-1251: the one byte it lacks (0x98) becomes U+FFFD rather than an error.</summary>
    private static readonly Encoding Lenient1251 =
        CodePagesEncodingProvider.Instance.GetEncoding(1251) ?? throw new InvalidOperationException("Windows-1251 is not available.");

    /// <summary>Decodes <paramref name="content"/>, or gives the reason the file is to be skipped.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> content, [NotNullWhen(true)] out string? text, [NotNullWhen(false)] out string? skipReason)
    {
        text = Decode(content, out skipReason);
        return text is not null;
    }

    private static string? Decode(ReadOnlySpan<byte> content, out string? skipReason)
    {
        skipReason = null;
        if (content.StartsWith(Encoding.UTF8.Preamble))
        {
            content = content[Encoding.UTF8.Preamble.Length..];
        }
        else if (content.StartsWith(Encoding.Unicode.Preamble))
        {
            return DecodeUtf16(Encoding.Unicode, content[2..], out skipReason);
        }
        else if (content.StartsWith(Encoding.BigEndianUnicode.Preamble))
        {
            return DecodeUtf16(Encoding.BigEndianUnicode, content[2..], out skipReason);
        }

        if (IsBlank(content))
        {
            skipReason = "empty file";
            return null;
        }

        if (LooksBinary(content))
        {
            skipReason = "binary file";
            return null;
        }

        if (Utf8.IsValid(content))
        {
            return Encoding.UTF8.GetString(content);
        }

        var cyrillic = TryWindows1251(content);
        if (cyrillic is null)
        {
            skipReason = "not UTF-8 or Windows-1251 text";
        }

        return cyrillic;
    }

    private static string? DecodeUtf16(Encoding encoding, ReadOnlySpan<byte> content, out string? skipReason)
    {
        skipReason = null;
        var text = encoding.GetString(content);
        if (string.IsNullOrWhiteSpace(text))
        {
            skipReason = "empty file";
            return null;
        }

        var controls = text.Count(ch => char.IsControl(ch) && !char.IsWhiteSpace(ch));
        if (text.Contains('\0') || controls > text.Length * MaxControlShare)
        {
            skipReason = "binary file";
            return null;
        }

        return text;
    }

    /// <summary>The encoding a byte order mark at the start names, and the mark's length; null without one.</summary>
    public static Encoding? FromByteOrderMark(ReadOnlySpan<byte> start, out int length)
    {
        foreach (var encoding in (ReadOnlySpan<Encoding>)[Encoding.UTF8, Encoding.Unicode, Encoding.BigEndianUnicode])
        {
            if (start.StartsWith(encoding.Preamble))
            {
                length = encoding.Preamble.Length;
                return encoding;
            }
        }

        length = 0;
        return null;
    }

    /// <summary>
    /// The encoding of a file read as a stream, judged from its first bytes (<paramref name="complete"/> when they are the
    /// whole file): UTF-8 when they are valid UTF-8 up to a character cut at the end, else Windows-1251 when they read as
    /// Cyrillic; null with the reason to skip the file otherwise. A later invalid byte becomes U+FFFD.
    /// </summary>
    public static Encoding? DetectFromStart(ReadOnlySpan<byte> start, bool complete, [NotNullWhen(false)] out string? skipReason)
    {
        skipReason = null;
        if (IsBlank(start))
        {
            skipReason = "empty file";
            return null;
        }

        if (LooksBinary(start))
        {
            skipReason = "binary file";
            return null;
        }

        for (var cut = 0; cut <= (complete ? 0 : Math.Min(3, start.Length - 1)); cut++)
        {
            if (Utf8.IsValid(start[..^cut]))
            {
                return Encoding.UTF8;
            }
        }

        if (TryWindows1251(start) is not null)
        {
            return Lenient1251;
        }

        skipReason = "not UTF-8 or Windows-1251 text";
        return null;
    }

    /// <summary>
    /// One line of a file without a byte order mark: UTF-8 when it is valid UTF-8, else Windows-1251 once any line of the file
    /// read as Cyrillic (<paramref name="windows1251"/> remembers it); null when it is neither.
    /// </summary>
    public static string? DecodeLine(ReadOnlySpan<byte> line, ref bool windows1251)
    {
        if (Utf8.IsValid(line))
        {
            return Encoding.UTF8.GetString(line);
        }

        if (windows1251)
        {
            return Lenient1251.GetString(line);
        }

        var text = TryWindows1251(line);
        windows1251 = text is not null;
        return text;
    }

    public static bool IsBlank(ReadOnlySpan<byte> content) => !content.ContainsAnyExcept(Blanks);

    /// <summary>A NUL byte, or more control bytes than text with a stray one holds.</summary>
    public static bool LooksBinary(ReadOnlySpan<byte> content)
    {
        if (content.Contains((byte)0))
        {
            return true;
        }

        var controls = 0;
        for (var rest = content; rest.IndexOfAny(Controls) is var next and >= 0; rest = rest[(next + 1)..])
        {
            controls++;
        }

        return controls > content.Length * MaxControlShare;
    }

    /// <summary>Every byte decodes in Windows-1251, so the result is only accepted when it reads like Cyrillic prose.</summary>
    private static string? TryWindows1251(ReadOnlySpan<byte> content)
    {
        string text;
        try
        {
            text = Windows1251.GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }

        int letters = 0, cyrillic = 0, lowerCyrillic = 0, odd = 0;
        foreach (var ch in text)
        {
            if (char.IsLetter(ch))
            {
                letters++;
                if (ch is >= 'А' and <= 'я' or 'Ё' or 'ё' or 'І' or 'і')
                {
                    cyrillic++;
                    if (char.IsLower(ch))
                    {
                        lowerCyrillic++;
                    }
                }
                else if (!char.IsAscii(ch))
                {
                    odd++;
                }
            }
            else if (!char.IsAscii(ch) && "«»–—…№“”„’°".IndexOf(ch) < 0)
            {
                odd++;
            }
        }

        var plausible = cyrillic > 0
            && cyrillic >= letters * 0.3
            && lowerCyrillic >= cyrillic * 0.6
            && odd <= text.Length * 0.02;
        return plausible ? text : null;
    }
}
