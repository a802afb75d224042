using System.Text;
using System.Text.RegularExpressions;
using DigestBot.Core.Articles;
using DigestBot.Core.Rendering;
using DigestBot.Core.Text;

namespace DigestBot.Core.Search;

/// <summary>Builds the snippet of a search hit from the original text: the passage with the most query words,
/// HTML-escaped, the matched words in <c>&lt;b&gt;</c>, cut at word boundaries.</summary>
public static partial class SearchSnippet
{
    /// <summary>About how many characters of text a snippet shows.</summary>
    public const int TargetLength = 200;

    private const string Ellipsis = "…";

    /// <summary>The snippet from the first of <paramref name="texts"/> (e.g. body, summary, title) with the best passage;
    /// the start of the first non-empty text when nothing matches.</summary>
    public static string Build(SearchQuery query, Language language, params ReadOnlySpan<string?> texts)
    {
        Passage? best = null;
        foreach (var text in texts)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var passage = BestPassage(text, Words(text, query, language));
            if (best is null || passage.IsBetterThan(best.Value))
            {
                best = passage;
            }
        }

        return best is { } chosen ? Render(chosen) : string.Empty;
    }

    private static List<Word> Words(string text, SearchQuery query, Language language)
    {
        var words = new List<Word>();
        var enumerator = new Tokenizer.WordEnumerator(text);
        while (enumerator.MoveNext())
        {
            var (start, length) = enumerator.Current.GetOffsetAndLength(text.Length);

            // A term keeps its word's first letter (folded), so most words are ruled out before they are stemmed.
            var term = query.MayStartWith(SearchAnalyzer.Fold(text[start])) ? SearchAnalyzer.DocumentTerm(text.AsSpan(start, length), language) : null;
            words.Add(new Word(start, start + length, term is not null && query.Matches(term) ? term : null));
        }

        return words;
    }

    /// <summary>Slides a window of about <see cref="TargetLength"/> characters over the words and keeps the one with the
    /// most distinct matched terms (then the most matches, then the earliest), then widens it around its matches.</summary>
    private static Passage BestPassage(string text, List<Word> words)
    {
        if (words.Count == 0)
        {
            return new Passage(text, words, 0, 0, 0, 0);
        }

        // Without any match the passage is the start of the text.
        int bestFirst = 0, bestLast = 0, bestDistinct = 0, bestMatches = 0;
        var last = 0;
        for (var first = 0; first < words.Count; first++)
        {
            if (words[first].Term is null)
            {
                continue;
            }

            last = Math.Max(last, first);
            while (last + 1 < words.Count && words[last + 1].End - words[first].Start <= TargetLength)
            {
                last++;
            }

            var matched = words[first..(last + 1)].Where(w => w.Term is not null).ToList();
            var distinct = matched.Select(w => w.Term).Distinct().Count();
            if (distinct > bestDistinct || (distinct == bestDistinct && matched.Count > bestMatches))
            {
                (bestFirst, bestLast, bestDistinct, bestMatches) = (first, words.FindLastIndex(last, w => w.Term is not null), distinct, matched.Count);
            }
        }

        // Widen around the matches, half the spare room before them and the rest after, at word boundaries.
        var spare = TargetLength - (words[bestLast].End - words[bestFirst].Start);
        var from = bestFirst;
        while (from > 0 && words[bestFirst].Start - words[from - 1].Start <= spare / 2)
        {
            from--;
        }

        var to = bestLast;
        while (to + 1 < words.Count && words[to + 1].End - words[from].Start <= TargetLength)
        {
            to++;
        }

        return new Passage(text, words, from, to, bestDistinct, bestMatches);
    }

    private static string Render(Passage passage)
    {
        var (text, words) = (passage.Text, passage.Words);
        if (words.Count == 0)
        {
            return TelegramHtml.Escape(Squeeze(text.Length <= TargetLength ? text : text[..TargetLength] + Ellipsis));
        }

        var html = new StringBuilder();
        var start = passage.First == 0 ? 0 : words[passage.First].Start;
        var end = passage.Last == words.Count - 1 ? text.Length : words[passage.Last].End;
        if (start > 0)
        {
            html.Append(Ellipsis);
        }

        var position = start;
        for (var i = passage.First; i <= passage.Last; i++)
        {
            var word = words[i];
            if (word.Term is null)
            {
                continue;
            }

            html.Append(TelegramHtml.Escape(Squeeze(text[position..word.Start])))
                .Append("<b>").Append(TelegramHtml.Escape(text[word.Start..word.End])).Append("</b>");
            position = word.End;
        }

        html.Append(TelegramHtml.Escape(Squeeze(text[position..end])));
        if (end < text.Length)
        {
            html.Append(Ellipsis);
        }

        return html.ToString().Trim();
    }

    // Paragraph breaks and runs of spaces read as one space in a one-line snippet.
    private static string Squeeze(string text) => Whitespace().Replace(text, " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    private readonly record struct Word(int Start, int End, string? Term);

    private readonly record struct Passage(string Text, List<Word> Words, int First, int Last, int Distinct, int Matches)
    {
        public bool IsBetterThan(Passage other) =>
            Distinct > other.Distinct || (Distinct == other.Distinct && Matches > other.Matches);
    }
}
