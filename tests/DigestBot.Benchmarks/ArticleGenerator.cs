using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

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
        russianWords = new Vocabulary(russian, seed);
        kazakhWords = new Vocabulary(kazakh, seed);
    }

    /// <summary>The distinct words of the seeds' sentences in one language, for drawing queries from.</summary>
    public IReadOnlyList<string> SeedWords(bool kazakh) => (kazakh ? kazakhWords : russianWords).SeedWords;

    /// <summary>The seeds' sentences in one language.</summary>
    public IReadOnlyList<string> SeedSentences(bool kazakh) => kazakh ? this.kazakh : russian;

    /// <summary>A JSON Lines article (see seeds/README.md): the seeds' sentence shapes with words drawn from a Zipf
    /// distribution over the seeds' vocabulary and a long tail of made-up words, so that rare words are rare; dated
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

    /// <summary>The words of one language ranked by how often the seeds use them, then made-up words spliced from
    /// the start of one seed word and the end of another (plausible stems and endings for the stemmers).</summary>
    private sealed class Vocabulary
    {
        private const int MadeUpWords = 40_000;

        // Each word of a seed sentence is swapped for a drawn one at this rate, so the sentence keeps its shape.
        private const double SwapRate = 0.7;

        private readonly string[] ranked;
        private readonly double[] cumulative;

        public Vocabulary(IEnumerable<string> sentences, int seed)
        {
            var counts = sentences.SelectMany(s => Word().Matches(s).Select(m => m.Value.ToLowerInvariant()))
                .CountBy(word => word)
                .OrderByDescending(pair => pair.Value)
                .ThenBy(pair => pair.Key, StringComparer.Ordinal)
                .Select(pair => pair.Key)
                .ToArray();
            SeedWords = counts;
            var splicing = new Random(seed);
            var longWords = counts.Where(w => w.Length >= 6).ToArray();
            var madeUp = new HashSet<string>(counts, StringComparer.Ordinal);
            while (madeUp.Count < counts.Length + MadeUpWords)
            {
                var head = longWords[splicing.Next(longWords.Length)];
                var tail = longWords[splicing.Next(longWords.Length)];
                madeUp.Add(head[..splicing.Next(3, head.Length - 1)] + tail[splicing.Next(2, tail.Length - 2)..]);
            }

            ranked = [.. counts, .. madeUp.Except(counts)];

            // Zipf's law: the word of rank r is drawn with a weight of 1 / r.
            cumulative = new double[ranked.Length];
            var sum = 0.0;
            for (var r = 0; r < ranked.Length; r++)
            {
                cumulative[r] = sum += 1.0 / (r + 1);
            }
        }

        public IReadOnlyList<string> SeedWords { get; }

        public string Rewrite(string sentence, Random random) =>
            Word().Replace(sentence, match =>
            {
                if (random.NextDouble() >= SwapRate)
                {
                    return match.Value;
                }

                var word = Draw(random);
                return char.IsUpper(match.Value[0]) ? char.ToUpperInvariant(word[0]) + word[1..] : word;
            });

        private string Draw(Random random)
        {
            var index = Array.BinarySearch(cumulative, random.NextDouble() * cumulative[^1]);
            return ranked[Math.Min(index < 0 ? ~index : index, ranked.Length - 1)];
        }
    }
}

/// <summary>One generated article in the JSON Lines seed format.</summary>
public sealed record CorpusArticle(string Id, string Title, string Body, string Language, string Source, string Url, DateTimeOffset Published, string[] Topics);
