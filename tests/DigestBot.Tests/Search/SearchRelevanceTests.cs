using System.Globalization;
using System.Text.Json;
using DigestBot.Tests.Infrastructure;
using Xunit.Abstractions;

namespace DigestBot.Tests.Search;

/// <summary>Runs tests/data/search/relevance.jsonl and the held-out heldout.jsonl against the corpus and reports
/// recall@5 and MRR per kind.</summary>
public class SearchRelevanceTests(SearchCorpus corpus, ITestOutputHelper output) : IClassFixture<SearchCorpus>
{
    private const int Depth = 5;
    private const int MrrDepth = 10;

    [Fact]
    public async Task Recall_at_5_and_MRR_reach_the_floors()
    {
        var results = await EvaluateAsync("relevance.jsonl");
        output.WriteLine("| kind | queries | recall@5 | MRR |");
        output.WriteLine("|---|---:|---:|---:|");
        foreach (var kind in results.GroupBy(r => r.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine(Row(kind.Key, [.. kind]));
        }

        var answerable = results.Where(r => r.Kind is not ("typo" or "crosslang")).ToList();
        output.WriteLine(Row("all but typo and crosslang", answerable));
        output.WriteLine(Row("all", results));

        var heldOut = await EvaluateAsync("heldout.jsonl");
        output.WriteLine(Row("crosslang, held out", heldOut));
        var crossLanguage = results.Where(r => r.Kind == "crosslang").Concat(heldOut).ToList();
        output.WriteLine(Row("crosslang, both sets", crossLanguage));

        answerable.Average(r => r.Recall).Should().BeGreaterThanOrEqualTo(0.9);
        answerable.Average(r => r.ReciprocalRank).Should().BeGreaterThanOrEqualTo(0.9);
        crossLanguage.Average(r => r.Recall).Should().BeGreaterThanOrEqualTo(0.8);
    }

    private async Task<List<(string Kind, double Recall, double ReciprocalRank)>> EvaluateAsync(string fileName)
    {
        var results = new List<(string Kind, double Recall, double ReciprocalRank)>();
        foreach (var line in File.ReadLines(Path.Combine(RepositoryPaths.Root, "tests", "data", "search", fileName)))
        {
            var item = JsonDocument.Parse(line).RootElement;
            var query = item.GetProperty("query").GetString()!;
            var expected = item.GetProperty("expected").EnumerateArray().Select(e => e.GetString()!).ToList();
            var page = await corpus.Search.SearchAsync(query, null, 0, MrrDepth, CancellationToken.None);
            var found = page.Hits.Select(h => corpus.NameOf(h.ArticleId)).ToList();

            var recall = (double)found.Take(Depth).Count(expected.Contains) / expected.Count;
            var rank = found.FindIndex(expected.Contains);
            results.Add((item.GetProperty("kind").GetString()!, recall, rank < 0 ? 0 : 1.0 / (rank + 1)));
            if (recall < 1)
            {
                output.WriteLine($"  {query}: expected [{string.Join(", ", expected)}], found [{string.Join(", ", found.Take(Depth))}]");
            }
        }

        return results;
    }

    private static string Row(string kind, IReadOnlyCollection<(string Kind, double Recall, double ReciprocalRank)> rows) =>
        string.Create(CultureInfo.InvariantCulture, $"| {kind} | {rows.Count} | {rows.Average(r => r.Recall):F2} | {rows.Average(r => r.ReciprocalRank):F2} |");
}
