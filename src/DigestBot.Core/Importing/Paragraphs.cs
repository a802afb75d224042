using System.Text;
using System.Text.RegularExpressions;

namespace DigestBot.Core.Importing;

/// <summary>Splits text into paragraph units with their white space collapsed.</summary>
internal static partial class Paragraphs
{
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

    /// <summary>Markdown: blank lines separate paragraphs, wrapped lines inside one are joined, headings and list items stand alone.</summary>
    public static List<string> FromMarkdown(string text)
    {
        var units = new List<string>();
        var current = new StringBuilder();
        foreach (var rawLine in text.AsSpan().EnumerateLines())
        {
            var line = rawLine.Trim();
            var standsAlone = line.StartsWith('#') || ListItem().IsMatch(line);
            if (line.IsEmpty || standsAlone)
            {
                Flush(units, current);
            }

            if (!line.IsEmpty)
            {
                current.Append(current.Length > 0 ? " " : "").Append(line);
                if (standsAlone)
                {
                    Flush(units, current);
                }
            }
        }

        Flush(units, current);
        return units;
    }

    /// <summary>Collapses runs of white space (including no-break and zero-width spaces) to one space and trims.</summary>
    public static string Collapse(ReadOnlySpan<char> text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var ch in text)
        {
            if (char.IsWhiteSpace(ch) || ch is '\u200B' or '\u200C' or '\u200D' or '\uFEFF')
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(ch);
        }

        return builder.ToString();
    }

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

    [GeneratedRegex(@"^(?:[-*+]|\d{1,3}[.)])\s")]
    private static partial Regex ListItem();

    [GeneratedRegex(@"^#{1,6}\s*")]
    private static partial Regex Heading();

    [GeneratedRegex(@"\[([^\]\n]+)\]\([^)\s]*\)")]
    private static partial Regex MarkdownLink();
}
