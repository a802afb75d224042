using System.Text;
using System.Text.RegularExpressions;

namespace DigestBot.Benchmarks;

/// <summary>Makes realistic ru/kk articles from the sentences of the bundled seeds, deterministically.</summary>
public sealed partial class ArticleGenerator
{
    private readonly string[] russian;
    private readonly string[] kazakh;
    private readonly Random random;

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

    private string Headline(string[] pool)
    {
        var words = pool[random.Next(pool.Length)].Split(' ');
        return string.Join(' ', words.Take(Math.Min(words.Length, random.Next(5, 10)))).TrimEnd(',', '.', ':', '–');
    }

    private static bool IsKazakh(string sentence) => sentence.AsSpan().IndexOfAny("әғқңөұүһіӘҒҚҢӨҰҮҺІ") >= 0;

    [GeneratedRegex(@"(?<=[.!?»])\s+")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
