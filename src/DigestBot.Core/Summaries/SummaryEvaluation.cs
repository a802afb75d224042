using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Json;
using DigestBot.Core.Articles;

namespace DigestBot.Core.Summaries;

/// <summary>One article with its human reference summary; <see cref="Id"/> places it in a <see cref="SummarySplit"/>.</summary>
public sealed record SummaryCase(string Text, string Reference, Language Language, string? Id = null);

/// <summary>A summarizer under a name for the evaluation table ("ours", "lead-2", ...).</summary>
public sealed record NamedSummarizer(string Name, ISummarizer Summarizer);

/// <summary>The mean ROUGE F1 of one summarizer over the cases of one language.</summary>
public sealed record SummaryScoreRow(Language Language, string System, int Cases, RougeScores Scores);

/// <summary>Per-language mean ROUGE scores of several summarizers over the same cases and budget.</summary>
public sealed record SummaryEvaluationReport(IReadOnlyList<SummaryScoreRow> Rows)
{
    public RougeScores Scores(Language language, string system) =>
        Rows.FirstOrDefault(row => row.Language == language && row.System == system)?.Scores ?? RougeScores.Zero;

    /// <summary>A fixed-width table per language, one line per system, mean F1 scores in percent.</summary>
    public string ToTable()
    {
        var table = new StringBuilder();
        foreach (var language in Rows.Select(row => row.Language).Distinct())
        {
            var rows = Rows.Where(row => row.Language == language).ToList();
            if (table.Length > 0)
            {
                table.AppendLine();
            }

            table.AppendLine(CultureInfo.InvariantCulture, $"{language.ToCode()}: {rows[0].Cases} articles");
            table.AppendLine(CultureInfo.InvariantCulture, $"  {"system",-10}{"ROUGE-1",9}{"ROUGE-2",9}{"ROUGE-L",9}");
            foreach (var row in rows)
            {
                table.AppendLine(CultureInfo.InvariantCulture,
                    $"  {row.System,-10}{row.Scores.Rouge1 * 100,9:F1}{row.Scores.Rouge2 * 100,9:F1}{row.Scores.RougeL * 100,9:F1}");
            }
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
        SummaryLimits? options = null)
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
    /// <exception cref="FormatException">A line is not such an object.</exception>
    public static IReadOnlyList<SummaryCase> ParseJsonLines(IEnumerable<string> lines)
    {
        var cases = new List<SummaryCase>();
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            cases.Add(TryParseJsonLine(line, out var item, out var problem)
                ? item
                : throw new FormatException($"summary evaluation: line {number}: {problem}"));
        }

        return cases;
    }

    /// <summary>Reads one <c>{"text", "summary", "language"}</c> object (with an optional <c>"id"</c>), or says what is wrong with it.</summary>
    public static bool TryParseJsonLine(string line, [NotNullWhen(true)] out SummaryCase? item, [NotNullWhen(false)] out string? problem)
    {
        item = null;
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problem = "not a JSON object";
                return false;
            }

            if (!TryGetString(root, "text", out var text, out problem)
                || !TryGetString(root, "summary", out var reference, out problem)
                || !TryGetString(root, "language", out var code, out problem))
            {
                return false;
            }

            if (!LanguageCodes.TryParse(code, out var language))
            {
                problem = $"unknown language \"{code}\"";
                return false;
            }

            string? id = null;
            if (root.TryGetProperty("id", out _) && !TryGetString(root, "id", out id, out problem))
            {
                return false;
            }

            item = new SummaryCase(text, reference, language, id);
            return true;
        }
        catch (JsonException ex)
        {
            problem = $"not valid JSON: {ex.Message}";
            return false;
        }
    }

    private static bool TryGetString(JsonElement root, string name, out string value, [NotNullWhen(false)] out string? problem)
    {
        if (root.TryGetProperty(name, out var property) && property.ValueKind == JsonValueKind.String)
        {
            value = property.GetString() ?? "";
            problem = null;
            return true;
        }

        value = "";
        problem = $"\"{name}\" must be a string";
        return false;
    }
}
