using System.Globalization;
using System.Text;
using System.Text.Json;
using DigestBot.Core.Articles;

namespace DigestBot.Core.Summaries;

/// <summary>One article with its human reference summary.</summary>
public sealed record SummaryCase(string Text, string Reference, Language Language);

/// <summary>A summarizer under a name for the evaluation table ("ours", "lead-2", ...).</summary>
public sealed record NamedSummarizer(string Name, ISummarizer Summarizer);

/// <summary>The mean ROUGE F1 of one summarizer over the cases of one language.</summary>
public sealed record SummaryScoreRow(Language Language, string System, int Cases, RougeScores Scores);

/// <summary>Per-language mean ROUGE scores of several summarizers over the same cases and budget.</summary>
public sealed record SummaryEvaluationReport(IReadOnlyList<SummaryScoreRow> Rows)
{
    public RougeScores Scores(Language language, string system) =>
        Rows.FirstOrDefault(row => row.Language == language && row.System == system)?.Scores ?? RougeScores.Zero;

    /// <summary>A fixed-width table, one line per language and system, scores in percent.</summary>
    public string ToTable()
    {
        var table = new StringBuilder();
        table.AppendLine(CultureInfo.InvariantCulture, $"{"lang",-5}{"system",-12}{"n",4}{"R-1",8}{"R-2",8}{"R-L",8}");
        foreach (var row in Rows)
        {
            table.AppendLine(CultureInfo.InvariantCulture,
                $"{row.Language.ToCode(),-5}{row.System,-12}{row.Cases,4}{row.Scores.Rouge1 * 100,8:F1}{row.Scores.Rouge2 * 100,8:F1}{row.Scores.RougeL * 100,8:F1}");
        }

        return table.ToString();
    }
}

/// <summary>Scores summarizers against reference summaries, per language, at one length budget.</summary>
public static class SummaryEvaluation
{
    /// <summary>Ours against the baselines: Lead-1, Lead-2, Lead-3 and plain TextRank.</summary>
    public static IReadOnlyList<NamedSummarizer> DefaultSystems { get; } =
    [
        new("ours", new ExtractiveSummarizer()),
        new("lead-1", new LeadSummarizer(1)),
        new("lead-2", new LeadSummarizer(2)),
        new("lead-3", new LeadSummarizer(3)),
        new("textrank", new TextRankSummarizer()),
    ];

    public static SummaryEvaluationReport Evaluate(
        IReadOnlyList<SummaryCase> cases,
        IReadOnlyList<NamedSummarizer>? systems = null,
        SummaryOptions? options = null)
    {
        systems ??= DefaultSystems;
        var rows = new List<SummaryScoreRow>();
        foreach (var language in LanguageCodes.All)
        {
            var ofLanguage = cases.Where(c => c.Language == language).ToList();
            if (ofLanguage.Count == 0)
            {
                continue;
            }

            foreach (var system in systems)
            {
                double rouge1 = 0, rouge2 = 0, rougeL = 0;
                foreach (var item in ofLanguage)
                {
                    var summary = system.Summarizer.Summarize(item.Text, language, options);
                    var scores = Rouge.Score(summary.Text, item.Reference, language);
                    (rouge1, rouge2, rougeL) = (rouge1 + scores.Rouge1, rouge2 + scores.Rouge2, rougeL + scores.RougeL);
                }

                var n = ofLanguage.Count;
                rows.Add(new SummaryScoreRow(language, system.Name, n, new RougeScores(rouge1 / n, rouge2 / n, rougeL / n)));
            }
        }

        return new SummaryEvaluationReport(rows);
    }

    /// <summary>Reads JSON Lines of <c>{"text", "summary", "language"}</c> objects; blank lines are skipped.</summary>
    public static IReadOnlyList<SummaryCase> ParseJsonLines(IEnumerable<string> lines)
    {
        var cases = new List<SummaryCase>();
        foreach (var line in lines)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var code = root.GetProperty("language").GetString();
            if (!LanguageCodes.TryParse(code, out var language))
            {
                throw new FormatException($"summary evaluation: unknown language \"{code}\"");
            }

            cases.Add(new SummaryCase(
                root.GetProperty("text").GetString() ?? "",
                root.GetProperty("summary").GetString() ?? "",
                language));
        }

        return cases;
    }
}
