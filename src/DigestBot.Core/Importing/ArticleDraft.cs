using System.Security.Cryptography;
using System.Text;
using DigestBot.Core.Articles;

using DigestBot.Core.Text;

namespace DigestBot.Core.Importing;

/// <summary>An article as read from one seed document, before it is stored.</summary>
/// <param name="ItemKey">Where the article sits inside its file: empty for a one-article file, else a stable key
/// such as an RSS guid or a JSON Lines id, so that re-reading the file finds the same item again.</param>
/// <param name="Body">Clean text; paragraphs separated by a blank line.</param>
public sealed record ArticleDraft(
    string ItemKey,
    string Title,
    string Body,
    Language Language,
    string? Source,
    string? Url,
    DateTimeOffset? PublishedAt,
    IReadOnlyList<string> Topics)
{
    /// <summary>Identifies the text itself, so the same article under two file names is stored once.</summary>
    public string ContentHash { get; } = ComputeContentHash(Body);

    public int WordCount { get; } = CountWords(Body);

    /// <summary>The picture that stands for the article (a page's og:image, a feed's enclosure), or null.</summary>
    public string? ImageUrl { get; init; }

    /// <summary>SHA-256 of the body with case and white space folded, as lowercase hex.</summary>
    public static string ComputeContentHash(string body)
    {
        var folded = new char[body.Length];
        var length = 0;
        var pendingSpace = false;
        foreach (var ch in body)
        {
            if (char.IsWhiteSpace(ch))
            {
                pendingSpace = length > 0;
                continue;
            }

            if (pendingSpace)
            {
                folded[length++] = ' ';
                pendingSpace = false;
            }

            folded[length++] = InvariantLowerCase.Of(ch);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(folded, 0, length)));
    }

    public static int CountWords(string text)
    {
        var count = 0;
        var inWord = false;
        foreach (var ch in text)
        {
            var isWordChar = char.IsLetterOrDigit(ch);
            if (isWordChar && !inWord)
            {
                count++;
            }

            inWord = isWordChar;
        }

        return count;
    }
}
