using System.Diagnostics;
using DigestBot.Core.Articles;
using DigestBot.Core.Digests;

namespace DigestBot.Benchmarks.Digests;

/// <summary>Composes digests from generated ru and kk candidates of one day and prints the time per digest.</summary>
public static class DigestBench
{
    private const double TargetMilliseconds = 100;
    private const int Runs = 20;

    private static readonly string[] Sources = ["Tengrinews", "Kazinform", "Egemen", "Kursiv", "Kapital", "Zakon.kz", "Sports.kz", "Akorda"];
    private static readonly string[] Topics = ["economy", "politics", "society", "sport", "culture", "incidents"];

    public static int Run(int count)
    {
        var to = new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.FromHours(5));
        var window = new DigestWindow(to.AddDays(-1), to);
        var candidates = Generate(count, window);
        var cases = new (string Name, DigestPreferences Preferences)[]
        {
            ("ru, only Russian", new DigestPreferences(Language.Ru)),
            ("kk, all languages", new DigestPreferences(Language.Kk) { AllLanguages = true }),
            ("ru, all languages, 2 topics, filter", new DigestPreferences(Language.Ru)
            {
                AllLanguages = true,
                Topics = ["economy", "politics"],
                Filter = DigestFilter.Parse("+Қазақстан -футбол").Filter,
            }),
        };

        Console.WriteLine($"digest: compose from {count:N0} generated candidates (2/3 ru, 1/3 kk, 1,000-char leads), best of {Runs} runs");
        var met = true;
        foreach (var (name, preferences) in cases)
        {
            var items = DigestComposer.Compose(candidates, preferences, window)?.Items.Count ?? 0;
            var best = double.MaxValue;
            for (var run = 0; run < Runs; run++)
            {
                var stopwatch = Stopwatch.StartNew();
                DigestComposer.Compose(candidates, preferences, window);
                best = Math.Min(best, stopwatch.Elapsed.TotalMilliseconds);
            }

            met &= best < TargetMilliseconds;
            Console.WriteLine($"  {name,-38} {best,7:F1} ms, {items} items");
        }

        Console.WriteLine($"  target: under {TargetMilliseconds} ms per digest: {(met ? "met" : "NOT met")}");
        return met ? 0 : 1;
    }

    private static List<DigestCandidate> Generate(int count, DigestWindow window)
    {
        var generator = new ArticleGenerator(Paths.Seeds);
        var random = new Random(7);
        var candidates = new List<DigestCandidate>(count);
        for (var i = 0; i < count; i++)
        {
            var kazakh = i % 3 == 0;
            var body = generator.NextBody(kazakh, 180);
            var lead = body.Length > StoryFingerprint.LeadChars ? body[..StoryFingerprint.LeadChars] : body;
            var firstStop = lead.IndexOf(". ", StringComparison.Ordinal);
            var summary = firstStop > 0 ? lead[..(firstStop + 1)] : lead;
            var published = window.From.AddMinutes(random.Next(0, 24 * 60));
            candidates.Add(new DigestCandidate(
                i + 1,
                string.Join(' ', summary.Split(' ').Take(8)),
                summary,
                kazakh ? Language.Kk : Language.Ru,
                Sources[random.Next(Sources.Length)],
                $"https://example.kz/{i + 1}",
                published,
                published.AddMinutes(3),
                [Topics[random.Next(Topics.Length)]],
                lead));
        }

        return candidates;
    }
}
