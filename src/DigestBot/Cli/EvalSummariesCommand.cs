using System.CommandLine;
using DigestBot.Core.Summaries;
using DigestBot.Summaries;
using Microsoft.Extensions.Options;

namespace DigestBot.Cli;

/// <summary>
/// <c>digestbot eval-summaries &lt;file.jsonl&gt; [--split split.json [--half tuning|heldout]]</c>:
/// ROUGE of our summarizer and the baselines against reference summaries, over the whole file or per half.
/// </summary>
public static class EvalSummariesCommand
{
    /// <summary>Exit code when the file cannot be read or holds no usable line.</summary>
    public const int UnreadableExitCode = 1;

    /// <summary>Exit code when some lines were skipped; the rest were still evaluated.</summary>
    public const int SkippedExitCode = 3;

    public static Command Create()
    {
        var file = new Argument<string>("file")
        {
            Description = "JSON Lines of {\"text\", \"summary\", \"language\"} objects, such as tests/data/summaries/reference.jsonl.",
        };
        var split = new Option<string?>("--split")
        {
            Description = "A {\"tuning\": [ids], \"heldout\": [ids]} file, such as tests/data/summaries/split.json: print a table per half.",
        };
        var half = new Option<string?>("--half") { Description = "With --split, print only this half: tuning or heldout." };
        half.AcceptOnlyFromAmong("tuning", "heldout");
        var command = new Command(
            "eval-summaries",
            "Print ROUGE-1, ROUGE-2 and ROUGE-L F1 of our summaries and the Lead-1/2/3 and TextRank baselines, per language.")
        {
            file, split, half,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var errors = parse.InvocationConfiguration.Error;
            var path = parse.GetValue(file) ?? "";
            var splitPath = parse.GetValue(split);
            var halfName = parse.GetValue(half);
            if (halfName is not null && splitPath is null)
            {
                await errors.WriteLineAsync("eval-summaries: --half needs --split");
                return UnreadableExitCode;
            }

            string[] lines;
            try
            {
                lines = await File.ReadAllLinesAsync(path, cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                await errors.WriteLineAsync($"eval-summaries: unable to read {path}: {ex.Message}");
                return UnreadableExitCode;
            }

            var cases = new List<SummaryCase>();
            var skipped = 0;
            for (var i = 0; i < lines.Length; i++)
            {
                if (string.IsNullOrWhiteSpace(lines[i]))
                {
                    continue;
                }

                if (SummaryEvaluation.TryParseJsonLine(lines[i], out var item, out var problem))
                {
                    cases.Add(item);
                    continue;
                }

                skipped++;
                await errors.WriteLineAsync($"{path}:{i + 1}: skipped: {problem}");
            }

            if (cases.Count == 0)
            {
                await errors.WriteLineAsync($"eval-summaries: unable to evaluate {path}: no usable lines");
                return UnreadableExitCode;
            }

            SummarySplit? halves = null;
            if (splitPath is not null)
            {
                try
                {
                    halves = SummarySplit.Parse(await File.ReadAllTextAsync(splitPath, cancellationToken));
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
                {
                    await errors.WriteLineAsync($"eval-summaries: unable to read {splitPath}: {ex.Message}");
                    return UnreadableExitCode;
                }

                var outside = cases.Count(item => !halves.Contains(item));
                if (outside > 0)
                {
                    skipped += outside;
                    await errors.WriteLineAsync($"eval-summaries: {outside} articles are in neither half of {splitPath}: skipped");
                }
            }

            using var host = AppHost.CreateBuilder(parse.GetValue(GlobalOptions.Database), quiet: true).Build();
            var budget = host.Services.GetRequiredService<IOptions<SummariesOptions>>().Value.ToSummaryOptions();
            var parts = halves is null
                ? [("", cases)]
                : Enum.GetValues<SummaryHalf>()
                    .Where(part => halfName is null || part.ToString().Equals(halfName, StringComparison.OrdinalIgnoreCase))
                    .Select(part => (part == SummaryHalf.Tuning ? "Tuning half" : "Held-out half", halves.Select(cases, part)))
                    .ToList();
            await output.WriteLineAsync(
                $"Mean F1 (%) of {parts.Sum(part => part.Item2.Count)} summaries against the references, at most {budget.MaxSentences} sentences and {budget.MaxChars} characters.");
            foreach (var (title, ofPart) in parts)
            {
                await output.WriteLineAsync();
                if (title.Length > 0)
                {
                    await output.WriteLineAsync($"{title}: {ofPart.Count} articles");
                    await output.WriteLineAsync();
                }

                await output.WriteAsync(SummaryEvaluation.Evaluate(ofPart, options: budget).ToTable());
            }

            return skipped == 0 ? 0 : SkippedExitCode;
        });
        return command;
    }
}
