using DigestBot.Core.Articles;
using DigestBot.Core.Summaries;

namespace DigestBot.Core.Tests.Summaries;

/// <summary>Ours against Lead-2 on the human reference summaries in tests/data/summaries/reference.jsonl.</summary>
public class ReferenceSetTests
{
    private static readonly Lazy<SummaryEvaluationReport> Report = new(() =>
        SummaryEvaluation.Evaluate(SummaryEvaluation.ParseJsonLines(File.ReadLines(ReferencePath()))));

    [Theory]
    [InlineData(Language.Ru)]
    [InlineData(Language.Kk)]
    public void Ours_scores_at_least_as_well_as_lead_2(Language language)
    {
        var ours = Report.Value.Scores(language, "ours");
        var lead = Report.Value.Scores(language, "lead-2");

        ours.Rouge1.Should().BeGreaterThanOrEqualTo(lead.Rouge1, Report.Value.ToTable());
        ours.RougeL.Should().BeGreaterThanOrEqualTo(lead.RougeL, Report.Value.ToTable());
    }

    [Fact]
    public void Covers_enough_articles_per_language()
    {
        Report.Value.Rows.Single(row => row.Language == Language.Ru && row.System == "ours").Cases.Should().BeGreaterThanOrEqualTo(30);
        Report.Value.Rows.Single(row => row.Language == Language.Kk && row.System == "ours").Cases.Should().BeGreaterThanOrEqualTo(20);
    }

    private static string ReferencePath()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var path = Path.Combine(directory.FullName, "tests", "data", "summaries", "reference.jsonl");
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException("reference summaries: unable to find tests/data/summaries/reference.jsonl above the test output folder");
    }
}
