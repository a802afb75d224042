using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DigestBot.Core.Text;

namespace DigestBot.Benchmarks;

/// <summary>Makes realistic ru/kk articles from the sentences of the bundled seeds, deterministically.</summary>
public sealed partial class ArticleGenerator
{
    private static readonly string[] Topics =
        ["politics", "society", "international", "economy", "business", "agro", "regions", "incidents", "law", "health", "education", "tech", "sport", "culture", "ecology", "transport"];

    private static readonly string[] RussianSources = ["zakon.kz", "tengrinews.kz", "kazinform.kz", "kursiv.media", "lsm.kz", "informburo.kz", "vlast.kz"];
    private static readonly string[] KazakhSources = ["aikyn.kz", "egemen.kz", "inform.kz", "qazaqstan.tv", "abai.kz", "ult.kz"];

    private readonly string[] russian;
    private readonly string[] kazakh;
    private readonly Random random;
    private readonly Vocabulary russianWords;
    private readonly Vocabulary kazakhWords;

    public ArticleGenerator(string seedsFolder, int seed = 42)
    {
        var sentences = Directory.EnumerateFiles(seedsFolder, "*.txt")
            .SelectMany(f => SentenceEnd().Split(File.ReadAllText(f)))
            .Select(s => Whitespace().Replace(s, " ").Trim())
            .Where(s => s.Length is > 40 and < 400)
            .Distinct()
            .ToList();
        kazakh = [.. sentences.Where(IsKazakh)];
        russian = [.. sentences.Where(s => !IsKazakh(s))];
        random = new Random(seed);
        russianWords = new Vocabulary(russian, StopWords.Russian, seed);
        kazakhWords = new Vocabulary(kazakh, StopWords.Kazakh, seed);
    }

    /// <summary>The distinct content words of the seeds' sentences in one language, the head of the corpus vocabulary.</summary>
    public IReadOnlyList<string> SeedWords(bool kazakh) => (kazakh ? kazakhWords : russianWords).SeedWords;

    /// <summary>The made-up words of one language, the long tail of the corpus vocabulary.</summary>
    public IReadOnlyList<string> TailWords(bool kazakh) => (kazakh ? kazakhWords : russianWords).MadeUp;

    /// <summary>A seed sentence of one language rewritten as the articles are, drawn with the caller's random.</summary>
    public string NextSentence(bool kazakh, Random random)
    {
        var pool = kazakh ? this.kazakh : russian;
        return (kazakh ? kazakhWords : russianWords).Rewrite(pool[random.Next(pool.Length)], random);
    }

    /// <summary>A JSON Lines article (see seeds/README.md): the seeds' sentence shapes, most content words drawn anew
    /// from a Zipf distribution over the seeds' vocabulary and a long tail of made-up words, so that rare words are rare; dated
    /// over 2019–2026, with a source, a url, a topic or two, and an id unique per index.</summary>
    public CorpusArticle NextArticle(int index)
    {
        var kk = index % 3 == 0;
        var (pool, words, sources) = kk ? (kazakh, kazakhWords, KazakhSources) : (russian, russianWords, RussianSources);
        var body = new StringBuilder();
        var paragraphs = random.Next(2, 7);
        for (var p = 0; p < paragraphs; p++)
        {
            var sentences = random.Next(2, 5);
            for (var s = 0; s < sentences; s++)
            {
                body.Append(words.Rewrite(pool[random.Next(pool.Length)], random)).Append(' ');
            }

            body.Length--;
            body.Append('\n');
        }

        var published = new DateTimeOffset(2019, 1, 1, 0, 0, 0, TimeSpan.FromHours(5)).AddMinutes(random.Next(0, 8 * 365 * 24 * 60 - 60 * 24 * 60));
        var source = sources[random.Next(sources.Length)];
        var id = string.Create(CultureInfo.InvariantCulture, $"gen-{index:D7}");
        return new CorpusArticle(
            id,
            Headline(words.Rewrite(pool[random.Next(pool.Length)], random)),
            body.ToString().TrimEnd(),
            kk ? "kk" : "ru",
            source,
            string.Create(CultureInfo.InvariantCulture, $"https://{source}/news/{published:yyyy/MM/dd}/{id}"),
            published,
            [.. Enumerable.Range(0, random.Next(1, 3)).Select(_ => Topics[random.Next(Topics.Length)]).Distinct()]);
    }

    /// <summary>A raw scraped page: headline, date line, paragraphs, and some of the noise real pages carry.</summary>
    public string NextScrapedPage(int index)
    {
        var kk = index % 3 == 0;
        var pool = kk ? kazakh : russian;
        var published = new DateTime(2020, 1, 1).AddMinutes(random.Next(0, 6 * 365 * 24 * 60));
        var text = new StringBuilder();
        text.Append(Headline(pool)).Append(" №").Append(index).Append("\n\n");
        text.Append(published.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture)).Append("\n\n");
        if (!kk)
        {
            text.Append("© Фото: пресс-служба\n\n");
        }

        var paragraphs = random.Next(3, 8);
        for (var p = 0; p < paragraphs; p++)
        {
            var sentences = random.Next(2, 5);
            for (var s = 0; s < sentences; s++)
            {
                text.Append(pool[random.Next(pool.Length)]).Append(' ');
            }

            text.Append("Случай ").Append(index).Append('-').Append(p).Append(".\n\n");
        }

        text.Append(kk ? "Сараптама, зерттеу мақала, күнделікті өзекті ақпаратты «Айқынның» Telegram арнасынан таба аласыз." : "Источник: example.kz\n\nПодписывайтесь на наш Telegram-канал. Будьте в курсе всех событий!");
        return text.ToString();
    }

    /// <summary>A clean article body of about <paramref name="words"/> words in paragraphs of two to four sentences.</summary>
    public string NextBody(bool kazakh, int words)
    {
        var pool = kazakh ? this.kazakh : russian;
        var text = new StringBuilder();
        var count = 0;
        while (count < words)
        {
            var sentences = random.Next(2, 5);
            for (var s = 0; s < sentences && count < words; s++)
            {
                var sentence = pool[random.Next(pool.Length)];
                text.Append(sentence).Append(' ');
                count += sentence.Count(c => c == ' ') + 1;
            }

            text.Length--;
            text.Append("\n\n");
        }

        return text.ToString().TrimEnd();
    }

    private string Headline(string[] pool) => Headline(pool[random.Next(pool.Length)]);

    private string Headline(string sentence)
    {
        var words = sentence.Split(' ');
        return string.Join(' ', words.Take(Math.Min(words.Length, random.Next(5, 10)))).TrimEnd(',', '.', ':', '–');
    }

    private static bool IsKazakh(string sentence) => sentence.AsSpan().IndexOfAny("әғқңөұүһіӘҒҚҢӨҰҮҺІ") >= 0;

    [GeneratedRegex(@"\w+")]
    private static partial Regex Word();

    [GeneratedRegex(@"(?<=[.!?»])\s+")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>The content words of one language ranked by how often the seeds use them, then made-up words spliced
    /// from the start of one seed word and the end of another (plausible stems and endings for the stemmers).</summary>
    private sealed class Vocabulary
    {
        private const int MadeUpWords = 40_000;

        // Zipf's law over all words, content words starting below the function words: rank r weighs 1 / (r + offset).
        private const int FunctionWordRanks = 50;

        // A content word of a seed sentence stays at this rate, else it is drawn anew; function words always stay.
        private const double KeepRate = 0.2;

        private readonly FrozenSet<string> stopWords;
        private readonly string[] ranked;
        private readonly double[] cumulative;

        public Vocabulary(IEnumerable<string> sentences, FrozenSet<string> stopWords, int seed)
        {
            this.stopWords = stopWords;
            var counts = sentences.SelectMany(s => Word().Matches(s).Select(m => m.Value.ToLowerInvariant()))
                .Where(IsContent)
                .CountBy(word => word)
                .OrderByDescending(pair => pair.Value)
                .ThenBy(pair => pair.Key, StringComparer.Ordinal)
                .Select(pair => pair.Key)
                .ToArray();
            SeedWords = counts;
            var splicing = new Random(seed);
            var longWords = counts.Where(w => w.Length >= 6).ToArray();
            var words = new HashSet<string>(counts, StringComparer.Ordinal);
            while (words.Count < counts.Length + MadeUpWords)
            {
                var head = longWords[splicing.Next(longWords.Length)];
                var tail = longWords[splicing.Next(longWords.Length)];
                words.Add(head[..splicing.Next(3, head.Length - 1)] + tail[splicing.Next(2, tail.Length - 2)..]);
            }

            MadeUp = [.. words.Except(counts)];
            ranked = [.. counts, .. MadeUp];
            cumulative = new double[ranked.Length];
            var sum = 0.0;
            for (var r = 0; r < ranked.Length; r++)
            {
                cumulative[r] = sum += 1.0 / (r + 1 + FunctionWordRanks);
            }
        }

        /// <summary>The seeds' content words, most frequent first.</summary>
        public IReadOnlyList<string> SeedWords { get; }

        /// <summary>The made-up words, the long tail of the vocabulary.</summary>
        public IReadOnlyList<string> MadeUp { get; }

        public string Rewrite(string sentence, Random random) =>
            Word().Replace(sentence, match =>
            {
                if (!IsContent(match.Value.ToLowerInvariant()) || random.NextDouble() < KeepRate)
                {
                    return match.Value;
                }

                var word = Draw(random);
                return char.IsUpper(match.Value[0]) ? char.ToUpperInvariant(word[0]) + word[1..] : word;
            });

        private bool IsContent(string word) => !stopWords.Contains(word) && !word.All(char.IsDigit);

        private string Draw(Random random)
        {
            var index = Array.BinarySearch(cumulative, random.NextDouble() * cumulative[^1]);
            return ranked[Math.Min(index < 0 ? ~index : index, ranked.Length - 1)];
        }
    }
}

/// <summary>One generated article in the JSON Lines seed format.</summary>
public sealed record CorpusArticle(string Id, string Title, string Body, string Language, string Source, string Url, DateTimeOffset Published, string[] Topics);
