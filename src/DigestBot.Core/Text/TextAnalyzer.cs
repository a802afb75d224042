using System.Collections.Frozen;
using DigestBot.Core.Articles;

namespace DigestBot.Core.Text;

/// <summary>Turns text into index terms for one language: tokens, optionally without stop words, stemmed.</summary>
public sealed class TextAnalyzer(Language language)
{
    private readonly FrozenSet<string> _stopWords = StopWords.For(language);
    private readonly IStemmer _stemmer = Stemmers.For(language);

    public Language Language { get; } = language;

    public bool IsStopWord(string token) => _stopWords.Contains(token);

    public string Stem(string token) => _stemmer.Stem(token);

    /// <summary>Appends the stemmed terms of <paramref name="text"/> to <paramref name="terms"/>.</summary>
    public void Analyze(ReadOnlySpan<char> text, List<string> terms, bool keepStopWords)
    {
        var words = new Tokenizer.WordEnumerator(text);
        while (words.MoveNext())
        {
            var token = Tokenizer.Normalize(text[words.Current]);
            if (keepStopWords || !_stopWords.Contains(token))
            {
                terms.Add(_stemmer.Stem(token));
            }
        }
    }

    /// <summary>The stemmed terms of <paramref name="text"/>, in order.</summary>
    public List<string> Analyze(ReadOnlySpan<char> text, bool keepStopWords = false)
    {
        var terms = new List<string>();
        Analyze(text, terms, keepStopWords);
        return terms;
    }
}
