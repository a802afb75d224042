using System.CommandLine;
using DigestBot.Core.Summaries;
using DigestBot.Summaries;
using Microsoft.Extensions.Options;

namespace DigestBot.Cli;

/// <summary><c>digestbot eval-summaries &lt;file.jsonl&gt;</c>: ROUGE of our summarizer and the baselines against reference summaries.</summary>
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
        var command = new Command(
            "eval-summaries",
            "Print ROUGE-1, ROUGE-2 and ROUGE-L F1 of our summaries and the Lead-1/2/3 and TextRank baselines, per language.") { file };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var errors = parse.InvocationConfiguration.Error;
            var path = parse.GetValue(file) ?? "";

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

            using var host = AppHost.CreateBuilder(parse.GetValue(GlobalOptions.Database), quiet: true).Build();
            var budget = host.Services.GetRequiredService<IOptions<SummariesOptions>>().Value.ToSummaryOptions();
            var report = SummaryEvaluation.Evaluate(cases, options: budget);
            await output.WriteLineAsync(
                $"Mean F1 (%) of {cases.Count} summaries against the references, at most {budget.MaxSentences} sentences and {budget.MaxChars} characters.");
            await output.WriteLineAsync();
            await output.WriteAsync(report.ToTable());
            return skipped == 0 ? 0 : SkippedExitCode;
        });
        return command;
    }
}
