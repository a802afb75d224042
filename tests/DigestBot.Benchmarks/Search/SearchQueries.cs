using DigestBot.Core.Search;

namespace DigestBot.Benchmarks.Search;

/// <summary>Varied queries drawn from the corpus vocabulary: ru and kk words, pairs, phrases, prefixes, exclusions and OR.</summary>
/// <remarks>Each word is, at even odds, one of the seeds' own words (the head of the vocabulary, found in percents of
/// the articles) or one of the long tail (found in a few in ten thousand), as readers ask for common topics and for names.</remarks>
public static class SearchQueries
{
    private const int MinWordLength = 4;

    public static IReadOnlyList<string> Generate(ArticleGenerator generator, int count, int seed = 7)
    {
        var random = new Random(seed);
        var head = new[] { false, true }.ToDictionary(kk => kk, kk => generator.SeedWords(kk).Where(IsSearchable).ToArray());
        var tail = new[] { false, true }.ToDictionary(kk => kk, kk => generator.TailWords(kk).Where(IsSearchable).ToArray());
        var queries = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var kk = i % 3 == 0;
            string Word()
            {
                var words = random.Next(2) == 0 ? head[kk] : tail[kk];
                return words[random.Next(words.Length)];
            }

            queries.Add((i % 7) switch
            {
                0 or 1 => Word(),
                2 => $"{Word()} {Word()}",
                3 => Phrase(generator.NextSentence(kk, random), random) ?? Word(),
                4 => Word() is var word ? $"{word[..Math.Min(word.Length, random.Next(4, 7))]}*" : "",
                5 => $"{Word()} -{Word()}",
                _ => $"{Word()} OR {Word()}",
            });
        }

        return queries;
    }

    // Two neighbouring words of a sentence written as the articles are.
    private static string? Phrase(string sentence, Random random)
    {
        var words = sentence.Split(' ').Select(w => w.Trim(',', '.', '«', '»', ':', ';', '"', '(', ')')).ToArray();
        for (var attempt = 0; attempt < 10 && words.Length > 1; attempt++)
        {
            var at = random.Next(words.Length - 1);
            if (IsSearchable(words[at]) && IsSearchable(words[at + 1]))
            {
                return $"\"{words[at]} {words[at + 1]}\"";
            }
        }

        return null;
    }

    private static bool IsSearchable(string word) =>
        word.Length >= MinWordLength && word.All(char.IsLetter) && SearchAnalyzer.QueryTerms(word).Count > 0;
}
