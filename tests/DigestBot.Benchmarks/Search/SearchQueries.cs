using DigestBot.Core.Search;

namespace DigestBot.Benchmarks.Search;

/// <summary>Varied queries drawn from the corpus vocabulary: ru and kk words, pairs, phrases, prefixes, exclusions and OR.</summary>
public static class SearchQueries
{
    private const int MinWordLength = 4;

    public static IReadOnlyList<string> Generate(ArticleGenerator generator, int count, int seed = 7)
    {
        var random = new Random(seed);
        var words = new[] { false, true }.ToDictionary(kk => kk, kk => generator.SeedWords(kk).Where(IsSearchable).ToArray());
        var queries = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var kk = i % 3 == 0;
            string Word() => words[kk][random.Next(words[kk].Length)];
            queries.Add((i % 7) switch
            {
                0 or 1 => Word(),
                2 => $"{Word()} {Word()}",
                3 => Phrase(generator.SeedSentences(kk), random) ?? Word(),
                4 => Word() is var stem ? $"{stem[..Math.Min(stem.Length, random.Next(4, 7))]}*" : "",
                5 => $"{Word()} -{Word()}",
                _ => $"{Word()} OR {Word()}",
            });
        }

        return queries;
    }

    // Two neighbouring words of a seed sentence; generated articles keep most of them side by side.
    private static string? Phrase(IReadOnlyList<string> sentences, Random random)
    {
        var words = sentences[random.Next(sentences.Count)].Split(' ').Select(w => w.Trim(',', '.', '«', '»', ':', ';', '"')).ToArray();
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
