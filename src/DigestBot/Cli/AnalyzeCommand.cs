using System.CommandLine;
using System.Text;
using System.Text.Json;
using DigestBot.Core.Articles;
using DigestBot.Core.Importing;
using DigestBot.Core.Search;
using DigestBot.Core.Text;

namespace DigestBot.Cli;

/// <summary><c>digestbot analyze [--lang ru|kk|en] &lt;file|-&gt;</c>: the sentences, stems and search terms of a text, as the bot sees them.</summary>
public static class AnalyzeCommand
{
    /// <summary>Exit code when the input cannot be read.</summary>
    public const int UnreadableExitCode = 1;

    /// <summary>Exit code when <c>--lang</c> names no language the bot knows.</summary>
    public const int UnknownLanguageExitCode = 2;

    private const string StandardInput = "-";

    /// <param name="standardInput">Where <c>-</c> reads from; the process's standard input unless given.</param>
    public static Command Create(Func<Stream>? standardInput = null)
    {
        var file = new Argument<string>("file")
        {
            Description = "A text file (UTF-8, or UTF-16 with a byte order mark), or - for standard input.",
        };
        // Checked in the action rather than with AcceptOnlyFromAmong, whose error comes with the whole help text.
        var language = new Option<string?>("--lang")
        {
            Description = "Analyze as ru, kk or en; by default the language is detected from the text.",
        };

        var command = new Command("analyze", "Print a text's language, sentences and words with their stems and search index terms, as JSON.") { file, language };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var errors = parse.InvocationConfiguration.Error;
            var code = parse.GetValue(language);
            Language? forced = null;
            if (code is not null)
            {
                if (!LanguageCodes.TryParse(code, out var parsed))
                {
                    await errors.WriteLineAsync($"analyze: unknown language '{code}': use ru, kk or en");
                    return UnknownLanguageExitCode;
                }

                forced = parsed;
            }

            var path = parse.GetValue(file) ?? StandardInput;
            string text;
            try
            {
                await using var input = path == StandardInput ? (standardInput ?? Console.OpenStandardInput)() : File.OpenRead(path);
                using var reader = new StreamReader(input, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
                text = await reader.ReadToEndAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                var reason = ex is FileNotFoundException or DirectoryNotFoundException ? "no such file" : ex.Message;
                await errors.WriteLineAsync($"analyze: unable to read {(path == StandardInput ? "standard input" : path)}: {reason}");
                return UnreadableExitCode;
            }

            var analysis = Analyze(text, forced ?? LanguageDetector.Detect(text));
            await parse.InvocationConfiguration.Output.WriteLineAsync(JsonSerializer.Serialize(analysis, CliJson.Readable.AnalysisJson));
            return 0;
        });
        return command;
    }

    /// <summary>The analysis of <paramref name="text"/> in <paramref name="language"/>: each word's stem is what the
    /// summarizer and the topic tagger compare, its term what the search index stores (null for a stop word).</summary>
    public static AnalysisJson Analyze(string text, Language language)
    {
        var stems = new TextAnalyzer(language);
        var tokens = new List<TokenJson>();
        var words = new Tokenizer.WordEnumerator(text);
        while (words.MoveNext())
        {
            var word = text.AsSpan()[words.Current];
            tokens.Add(new TokenJson(word.ToString(), stems.Analyze(word, keepStopWords: true)[0], SearchAnalyzer.DocumentTerm(word, language)));
        }

        return new AnalysisJson(language.ToCode(), SentenceSplitter.Split(text), tokens);
    }
}

/// <summary>What <c>analyze</c> prints.</summary>
public sealed record AnalysisJson(string Language, IReadOnlyList<string> Sentences, IReadOnlyList<TokenJson> Tokens);

/// <summary>One word of <see cref="AnalysisJson"/>: as written, its stem, and its search index term (null when not indexed).</summary>
public sealed record TokenJson(string Word, string Stem, string? Term);
