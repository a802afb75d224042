using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;

namespace DigestBot.Core.Importing;

/// <summary>Splits text into paragraph units with their white space collapsed.</summary>
internal static partial class Paragraphs
{
    private const int MaxStackLine = 1024;

    /// <summary>What <see cref="Collapse"/> treats as space: <see cref="char.IsWhiteSpace(char)"/>, the zero-width characters
    /// and the control characters. Every unit and stated title of every format passes through here, so a control character
    /// (an escaped NUL in JSON, an entity in a feed) never reaches a body, a word count or the store, where SQLite's
    /// text binding would end the body at a NUL.</summary>
    private static readonly SearchValues<char> Spaces = SearchValues.Create(
        Enumerable.Range(0, char.MaxValue + 1)
            .Select(code => (char)code)
            .Where(ch => char.IsWhiteSpace(ch) || char.IsControl(ch) || ch is '\u200B' or '\u200C' or '\u200D' or '\uFEFF')
            .ToArray());

    /// <summary>Scraped pages and feed bodies: every non-blank line is a unit, since scrapers flatten each block to one line.</summary>
    public static List<string> FromLines(string text)
    {
        var units = new List<string>();
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            var unit = Collapse(line);
            if (unit.Length > 0)
            {
                units.Add(unit);
            }
        }

        return units;
    }

    /// <summary>
    /// Markdown and hand-written text: a line that continues a sentence (the previous line has no closing punctuation and
    /// this one starts in lowercase) is joined to it; any other line break starts a new unit, as pasted pages need.
    /// </summary>
    public static List<string> FromMarkdown(string text)
    {
        var units = new List<string>();
        var current = new StringBuilder();
        foreach (var rawLine in text.AsSpan().EnumerateLines())
        {
            var line = rawLine.Trim();
            if (line.IsEmpty || !ContinuesSentence(current, line))
            {
                Flush(units, current);
            }

            if (!line.IsEmpty)
            {
                current.Append(current.Length > 0 ? " " : "").Append(line);
            }
        }

        Flush(units, current);
        return units;
    }

    /// <summary>Collapses runs of white space (including no-break and zero-width spaces) and control characters to one space and trims.</summary>
    public static string Collapse(ReadOnlySpan<char> text)
    {
        // Called for every line of every page: a stack buffer covers most lines without allocating.
        char[]? rented = null;
        var buffer = text.Length <= MaxStackLine ? stackalloc char[text.Length] : (rented = ArrayPool<char>.Shared.Rent(text.Length));
        var length = 0;
        foreach (var range in text.SplitAny(Spaces))
        {
            var word = text[range];
            if (word.IsEmpty)
            {
                continue;
            }

            if (length > 0)
            {
                buffer[length++] = ' ';
            }

            word.CopyTo(buffer[length..]);
            length += word.Length;
        }

        var collapsed = new string(buffer[..length]);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return collapsed;
    }

    private static bool ContinuesSentence(StringBuilder current, ReadOnlySpan<char> line) =>
        current.Length > 0 && char.IsLower(line[0]) && current[^1] is not ('.' or '!' or '?' or '…' or ':' or ';');

    private static void Flush(List<string> units, StringBuilder current)
    {
        if (current.Length == 0)
        {
            return;
        }

        var unit = MarkdownLink().Replace(Heading().Replace(current.ToString(), ""), "$1").Replace("**", "").Replace("__", "");
        unit = Collapse(unit);
        if (unit.Length > 0)
        {
            units.Add(unit);
        }

        current.Clear();
    }

    [GeneratedRegex(@"^#{1,6}\s*")]
    private static partial Regex Heading();

    [GeneratedRegex(@"\[([^\]\n]+)\]\([^)\s]*\)")]
    private static partial Regex MarkdownLink();
}
