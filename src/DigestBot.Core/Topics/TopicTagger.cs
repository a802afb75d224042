using DigestBot.Core.Text;

namespace DigestBot.Core.Topics;

/// <summary>Tags an article with the catalogue's topics whose keywords it uses enough.</summary>
/// <remarks>A keyword is a word beginning ("ассамбле" matches "Ассамблеи"), so each word is looked up by its prefixes.</remarks>
public sealed class TopicTagger
{
    private const int TitleWeight = 3;
    private const int MinScore = 4;
    private const int MinDistinctKeywords = 2;
    private const int MaxTopics = 3;

    private readonly Dictionary<string, List<int>> topicsByKeyword = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<Topic> topics;
    private readonly int shortest;
    private readonly int longest;

    public TopicTagger(TopicCatalog catalog)
    {
        topics = catalog.All;
        for (var i = 0; i < topics.Count; i++)
        {
            foreach (var keyword in topics[i].Keywords.Values.SelectMany(k => k))
            {
                if (!topicsByKeyword.TryGetValue(keyword, out var list))
                {
                    topicsByKeyword[keyword] = list = [];
                }

                if (!list.Contains(i))
                {
                    list.Add(i);
                }
            }
        }

        shortest = topicsByKeyword.Count == 0 ? 0 : topicsByKeyword.Keys.Min(k => k.Length);
        longest = topicsByKeyword.Count == 0 ? 0 : topicsByKeyword.Keys.Max(k => k.Length);
    }

    /// <summary>The ids of the article's topics, strongest first.</summary>
    public IReadOnlyList<string> Tag(string title, string body)
    {
        if (topicsByKeyword.Count == 0)
        {
            return [];
        }

        var scores = new int[topics.Count];
        var distinct = new HashSet<string>[topics.Count];
        Count(title, TitleWeight, scores, distinct);
        Count(body, 1, scores, distinct);

        return [.. Enumerable.Range(0, topics.Count)
            .Where(i => scores[i] >= MinScore && distinct[i]?.Count >= MinDistinctKeywords)
            .OrderByDescending(i => scores[i])
            .ThenBy(i => i)
            .Take(MaxTopics)
            .Select(i => topics[i].Id)];
    }

    private void Count(string text, int weight, int[] scores, HashSet<string>[] distinct)
    {
        Span<char> word = stackalloc char[64];
        var length = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            var ch = i < text.Length ? text[i] : ' ';
            if (char.IsLetterOrDigit(ch) || (ch == '-' && length > 0))
            {
                if (length < word.Length)
                {
                    word[length++] = ch == 'ё' || ch == 'Ё' ? 'е' : InvariantLowerCase.Of(ch);
                }

                continue;
            }

            if (length >= shortest)
            {
                Match(word[..length], weight, scores, distinct);
            }

            length = 0;
        }
    }

    private void Match(ReadOnlySpan<char> word, int weight, int[] scores, HashSet<string>[] distinct)
    {
        var lookup = topicsByKeyword.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var prefix = Math.Min(word.Length, longest); prefix >= shortest; prefix--)
        {
            if (!lookup.TryGetValue(word[..prefix], out var keyword, out var hits))
            {
                continue;
            }

            foreach (var topic in hits)
            {
                scores[topic] += weight;
                (distinct[topic] ??= new HashSet<string>(StringComparer.Ordinal)).Add(keyword);
            }

            // The longest keyword that matches speaks for the word; shorter ones would count it twice.
            return;
        }
    }
}
