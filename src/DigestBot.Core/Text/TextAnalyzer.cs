using System.Collections.Concurrent;
using System.Collections.Frozen;
using DigestBot.Core.Articles;

namespace DigestBot.Core.Text;

/// <summary>Turns text into index terms for one language: tokens, optionally without stop words, stemmed.</summary>
public sealed class TextAnalyzer
{
    private const int MaxCachedStems = 200_000;
    private const int MaxStackWord = 128;

    // Stems are pure functions of the word, and news vocabulary repeats: a shared cache per language saves most stemming.
    private static readonly FrozenDictionary<Language, BoundedCache> Caches =
        LanguageCodes.All.ToFrozenDictionary(language => language, _ => new BoundedCache(MaxCachedStems));

    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> stopWords;
    private readonly BoundedCache cache;
    private readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> cached;
    private readonly IStemmer stemmer;

    public TextAnalyzer(Language language)
    {
        Language = language;
        stopWords = StopWords.For(language).GetAlternateLookup<ReadOnlySpan<char>>();
        stemmer = Stemmers.For(language);
        cache = Caches[language];
        cached = cache.Lookup;
    }

    public Language Language { get; }

    /// <summary>Appends the stemmed terms of <paramref name="text"/> to <paramref name="terms"/>.</summary>
    public void Analyze(ReadOnlySpan<char> text, List<string> terms, bool keepStopWords)
    {
        Span<char> buffer = stackalloc char[MaxStackWord];
        var words = new Tokenizer.WordEnumerator(text);
        while (words.MoveNext())
        {
            var word = text[words.Current];
            if (word.Length > MaxStackWord)
            {
                terms.Add(stemmer.Stem(Tokenizer.Normalize(word)));
                continue;
            }

            var token = buffer[..word.Length];
            Tokenizer.Normalize(word, token);
            if (!keepStopWords && stopWords.Contains(token))
            {
                continue;
            }

            terms.Add(cached.TryGetValue(token, out var stem) ? stem : StemAndCache(new string(token)));
        }
    }

    /// <summary>The stemmed terms of <paramref name="text"/>, in order.</summary>
    public List<string> Analyze(ReadOnlySpan<char> text, bool keepStopWords = false)
    {
        var terms = new List<string>();
        Analyze(text, terms, keepStopWords);
        return terms;
    }

    private string StemAndCache(string token) => cache.Add(token, stemmer.Stem(token));
}
