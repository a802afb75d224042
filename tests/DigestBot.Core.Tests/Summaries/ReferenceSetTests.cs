using DigestBot.Core.Articles;
using DigestBot.Core.Summaries;

namespace DigestBot.Core.Tests.Summaries;

/// <summary>
/// Ours against Lead-2 on the human reference summaries in tests/data/summaries/reference.jsonl, per half of split.json:
/// the rules were chosen on the tuning half, so the held-out half is the figure that says how they generalize.
/// </summary>
public class ReferenceSetTests
{
    private static readonly Lazy<IReadOnlyList<SummaryCase>> Cases = new(() =>
        SummaryEvaluation.ParseJsonLines(File.ReadLines(DataPath("reference.jsonl"))));

    private static readonly Lazy<SummarySplit> Split = new(() => SummarySplit.Parse(File.ReadAllText(DataPath("split.json"))));

    private static readonly Lazy<SummaryEvaluationReport> Tuning = new(() =>
        SummaryEvaluation.Evaluate(Split.Value.Select(Cases.Value, SummaryHalf.Tuning)));

    private static readonly Lazy<SummaryEvaluationReport> Heldout = new(() =>
        SummaryEvaluation.Evaluate(Split.Value.Select(Cases.Value, SummaryHalf.Heldout)));

    [Theory]
    [InlineData(SummaryHalf.Heldout, Language.Ru)]
    [InlineData(SummaryHalf.Heldout, Language.Kk)]
    [InlineData(SummaryHalf.Tuning, Language.Ru)]
    [InlineData(SummaryHalf.Tuning, Language.Kk)]
    public void Ours_scores_at_least_as_well_as_lead_2(SummaryHalf half, Language language)
    {
        var report = (half == SummaryHalf.Tuning ? Tuning : Heldout).Value;
        var ours = report.Scores(language, "ours");
        var lead = report.Scores(language, "lead-2");

        ours.Rouge1.Should().BeGreaterThanOrEqualTo(lead.Rouge1, report.ToTable());
        ours.RougeL.Should().BeGreaterThanOrEqualTo(lead.RougeL, report.ToTable());
    }

    [Theory]
    [InlineData(SummaryHalf.Tuning, Language.Ru, 45)]
    [InlineData(SummaryHalf.Tuning, Language.Kk, 45)]
    [InlineData(SummaryHalf.Heldout, Language.Ru, 45)]
    [InlineData(SummaryHalf.Heldout, Language.Kk, 45)]
    public void Each_half_covers_enough_articles(SummaryHalf half, Language language, int minimum) =>
        Split.Value.Select(Cases.Value, half).Count(item => item.Language == language).Should().BeGreaterThanOrEqualTo(minimum);

    [Fact]
    public void Every_article_is_in_exactly_one_half()
    {
        var tuning = Split.Value.Select(Cases.Value, SummaryHalf.Tuning);
        var heldout = Split.Value.Select(Cases.Value, SummaryHalf.Heldout);

        Cases.Value.Should().OnlyContain(item => item.Id != null && Split.Value.Contains(item));
        tuning.Select(item => item.Id).Should().NotIntersectWith(heldout.Select(item => item.Id));
        (tuning.Count + heldout.Count).Should().Be(Cases.Value.Count);
    }

    private static string DataPath(string name)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var path = Path.Combine(directory.FullName, "tests", "data", "summaries", name);
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException($"reference summaries: unable to find tests/data/summaries/{name} above the test output folder");
    }
}
