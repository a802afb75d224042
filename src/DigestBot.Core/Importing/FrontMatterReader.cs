using System.Text.RegularExpressions;
using DigestBot.Core.Articles;

namespace DigestBot.Core.Importing;

/// <summary>Reads text or Markdown with an optional header of <c>key: value</c> lines between two <c>---</c> lines.</summary>
internal static partial class FrontMatterReader
{
    public static bool HasFrontMatter(string text) => Split(text, out _, out _);

    public static DocumentItem Read(string text, List<string> problems)
    {
        if (!Split(text, out var header, out var body))
        {
            return new DocumentItem("", "document", ArticleMetadata.None, Paragraphs.FromMarkdown(text));
        }

        var values = ParseHeader(header);
        var language = default(Language?);
        if (NullIfBlank(values.GetValueOrDefault("language")) is { } code)
        {
            if (LanguageCodes.TryParse(code, out var parsed))
            {
                language = parsed;
            }
            else
            {
                problems.Add($"unknown language \"{code}\" in front matter, detected instead");
            }
        }

        var published = NullIfBlank(values.GetValueOrDefault("published"));
        var publishedAt = PublishedDateParser.Parse(published);
        if (published is not null && publishedAt is null)
        {
            problems.Add($"unrecognized date \"{published}\" in front matter");
        }

        var metadata = new ArticleMetadata(
            NullIfBlank(values.GetValueOrDefault("title")),
            SourceFinder.Normalize(values.GetValueOrDefault("source")),
            NullIfBlank(values.GetValueOrDefault("url")),
            publishedAt,
            language,
            values.TryGetValue("topics", out var topics) ? ArticleMetadata.ParseTopics(topics) : null);
        return new DocumentItem("", "document", metadata, Paragraphs.FromMarkdown(body));
    }

    /// <summary>Splits off the header when the text opens with a fence line and closes it within a few dozen lines.</summary>
    private static bool Split(string text, out string header, out string body)
    {
        var match = Header().Match(text);
        header = match.Groups["header"].Value;
        body = match.Success ? text[(match.Index + match.Length)..] : "";
        return match.Success;
    }

    /// <summary>Flat <c>key: value</c> pairs; a key with an empty value may be followed by YAML list items.</summary>
    private static Dictionary<string, string> ParseHeader(string header)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? listKey = null;
        foreach (var rawLine in header.AsSpan().EnumerateLines())
        {
            var line = rawLine.Trim();
            if (listKey is not null && line.StartsWith("- "))
            {
                values[listKey] = values[listKey].Length == 0 ? line[2..].ToString() : $"{values[listKey]}, {line[2..]}";
                continue;
            }

            var colon = line.IndexOf(':');
            if (colon <= 0 || line.StartsWith('#'))
            {
                continue;
            }

            var key = line[..colon].Trim().ToString();
            var value = Unquote(line[(colon + 1)..].Trim());
            values[key] = value;
            listKey = value.Length == 0 ? key : null;
        }

        return values;
    }

    private static string Unquote(ReadOnlySpan<char> value) =>
        (value.Length >= 2 && value[0] is '"' or '\'' && value[^1] == value[0] ? value[1..^1] : value).ToString();

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex(@"\A\s*---[ \t]*\r?\n(?<header>(?:.*\r?\n){0,50}?)---[ \t]*(?:\r?\n|\z)")]
    private static partial Regex Header();
}
