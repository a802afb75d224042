using System.CommandLine;
using System.Text.Json;
using DigestBot.Core.Articles;
using DigestBot.Core.Importing;
using DigestBot.Core.Summaries;
using DigestBot.Core.Text;
using DigestBot.Summaries;
using Microsoft.Extensions.Options;

namespace DigestBot.Cli;

/// <summary><c>digestbot summarize &lt;file|-&gt;</c>: summarizes the first article of a file in any seed format.</summary>
public static class SummarizeCommand
{
    /// <summary>Exit code when the input holds no readable article.</summary>
    public const int UnreadableExitCode = 1;

    private const string StandardInput = "-";

    /// <param name="standardInput">Where <c>-</c> reads from; the process's standard input unless given.</param>
    public static Command Create(Func<Stream>? standardInput = null)
    {
        var file = new Argument<string>("file")
        {
            Description = "A seed file in any format (its first article is summarized), or - for standard input.",
        };
        var language = new Option<string?>("--lang")
        {
            Description = "Write the summary in this language: ru, kk or en (another than the article's needs Summaries:Provider = OpenAI).",
        };
        language.AcceptOnlyFromAmong("ru", "kk", "en");
        var json = new Option<bool>("--json") { Description = "Print a JSON object with language, summary, sentences and method." };

        var command = new Command("summarize", "Summarize one article given in any seed format.") { file, language, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var errors = parse.InvocationConfiguration.Error;
            var path = parse.GetValue(file) ?? StandardInput;
            var label = path == StandardInput ? "standard input" : path;

            using var host = AppHost.CreateBuilder(parse.GetValue(GlobalOptions.Database), quiet: true).Build();
            var reader = host.Services.GetRequiredService<DocumentReader>();
            var read = await ReadAsync(path, reader, standardInput ?? Console.OpenStandardInput, cancellationToken);
            if (read.Articles.Count == 0)
            {
                await errors.WriteLineAsync($"summarize: unable to read {label}: {read.SkipReason ?? "no article in it"}");
                return UnreadableExitCode;
            }

            var draft = read.Articles[0];
            var options = host.Services.GetRequiredService<IOptions<SummariesOptions>>().Value;
            var extractive = host.Services.GetRequiredService<ExtractiveSummarizer>().Summarize(draft.Body, draft.Language, options.ToSummaryOptions());
            var answer = new SummaryJson(draft.Language.ToCode(), extractive.Text, extractive.Sentences, extractive.Method);

            if (LanguageCodes.TryParse(parse.GetValue(language), out var wanted) && wanted != draft.Language)
            {
                if (options.ProviderKind == SummariesProvider.OpenAI)
                {
                    var writer = host.Services.GetRequiredService<OpenAISummaryWriter>();
                    var written = await writer.WriteAsync(draft.Title, draft.Body, draft.Language, wanted, cancellationToken);
                    if (written.Succeeded)
                    {
                        answer = new SummaryJson(wanted.ToCode(), written.Summary, SentenceSplitter.Split(written.Summary), writer.Method);
                    }
                    else
                    {
                        host.Services.GetRequiredService<ILogger<OpenAISummaryWriter>>().LogWarning(
                            "summaries: unable to translate {File} to {Language}: {Reason}", label, wanted.ToCode(), written.Failure);
                    }
                }
                else
                {
                    await errors.WriteLineAsync(
                        $"summarize: no translating provider (Summaries:Provider is {options.Provider}); the summary is in {answer.Language}.");
                }
            }

            await output.WriteLineAsync(parse.GetValue(json) ? JsonSerializer.Serialize(answer, CliJson.Readable.SummaryJson) : answer.Summary);
            return 0;
        });
        return command;
    }

    private static async Task<DocumentReadResult> ReadAsync(string path, DocumentReader reader, Func<Stream> standardInput, CancellationToken cancellationToken)
    {
        if (path == StandardInput)
        {
            // One byte over the limit is enough for the reader to refuse the input as too large.
            await using var input = standardInput();
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int count;
            while (buffer.Length <= reader.MaxFileBytes && (count = await input.ReadAsync(chunk, cancellationToken)) > 0)
            {
                buffer.Write(chunk, 0, count);
            }

            return reader.Read(StandardInput, buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        }

        try
        {
            if (!File.Exists(path))
            {
                return DocumentReadResult.Skip("no such file");
            }

            // Only the first article is read: a long JSON Lines file or feed is not read to its end.
            await using var stream = File.OpenRead(path);
            var document = reader.Open(Path.GetFileName(path), stream);
            var first = document.Articles().Take(1).ToList();
            return new DocumentReadResult(first, first.Count == 0 ? document.SkipReason : null, document.Problems);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return DocumentReadResult.Skip($"unreadable: {ex.Message}");
        }
    }
}

/// <summary>One summary as <c>summarize --json</c> prints it; <see cref="Language"/> is the language it is written in.</summary>
public sealed record SummaryJson(string Language, string Summary, IReadOnlyList<string> Sentences, string Method);
