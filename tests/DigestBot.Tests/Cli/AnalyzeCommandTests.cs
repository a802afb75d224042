using System.CommandLine;
using System.Text;
using System.Text.Json;
using DigestBot.Cli;
using DigestBot.Core.Articles;
using DigestBot.Core.Search;
using DigestBot.Tests.Infrastructure;

namespace DigestBot.Tests.Cli;

/// <summary><c>analyze</c> as a maintainer runs it to see how a text is split, stemmed and indexed.</summary>
public class AnalyzeCommandTests
{
    private const string Russian = "Президент Токаев провёл встречу с к.п.н. И. П. Карташовым 12 янв. 2024 г. в Астане. Итоги подвели в Акорде.";

    private const string Kazakh = "Мемлекет басшысы Қасым-Жомарт Тоқаев Ассамблеяның сессиясында сөз сөйледі. Жиын Астанада өтті.";

    public static TheoryData<string, string, string> Texts => new()
    {
        { Russian, "ru", "Итоги подвели в Акорде." },
        { Kazakh, "kk", "Жиын Астанада өтті." },
        { "The U.S. Senate passed the bill on Jan. 5 by a wide margin. It now goes to the House.", "en", "It now goes to the House." },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public async Task Prints_the_detected_language_the_sentences_and_every_word(string text, string language, string lastSentence)
    {
        using var folder = new TempFolder();
        var file = folder.Write("page.txt", text);

        var result = await RunAsync(DigestBotCommand.Create(), "analyze", file);

        result.ExitCode.Should().Be(0, result.Error);
        result.Error.Should().BeEmpty();
        using var json = JsonDocument.Parse(result.Output);
        json.RootElement.EnumerateObject().Select(p => p.Name).Should().Equal("language", "sentences", "tokens");
        json.RootElement.GetProperty("language").GetString().Should().Be(language);
        var sentences = json.RootElement.GetProperty("sentences").EnumerateArray().Select(s => s.GetString()).ToList();
        sentences.Should().HaveCount(2).And.EndWith(lastSentence);
        var tokens = json.RootElement.GetProperty("tokens").EnumerateArray().ToList();
        tokens.Should().NotBeEmpty().And.OnlyContain(t => t.EnumerateObject().Select(p => p.Name).SequenceEqual(new[] { "word", "stem", "term" }));
        tokens.Select(t => t.GetProperty("word").GetString()).Should().StartWith(text.Split(' ')[0]);
    }

    [Theory]
    [InlineData(Russian, Language.Ru)]
    [InlineData(Kazakh, Language.Kk)]
    public async Task Each_term_is_what_the_search_index_stores(string text, Language language)
    {
        using var folder = new TempFolder();
        var file = folder.Write("page.txt", text);

        var result = await RunAsync(DigestBotCommand.Create(), "analyze", file);

        using var json = JsonDocument.Parse(result.Output);
        var terms = json.RootElement.GetProperty("tokens").EnumerateArray()
            .Select(t => t.GetProperty("term"))
            .Where(term => term.ValueKind == JsonValueKind.String)
            .Select(term => term.GetString());
        string.Join(' ', terms).Should().Be(SearchAnalyzer.AnalyzeDocument(text, language));
    }

    [Fact]
    public async Task A_stop_word_has_a_stem_and_no_term()
    {
        using var folder = new TempFolder();
        var file = folder.Write("page.txt", "Встреча прошла в Астане и в Алматы.");

        var result = await RunAsync(DigestBotCommand.Create(), "analyze", file);

        using var json = JsonDocument.Parse(result.Output);
        var and = json.RootElement.GetProperty("tokens").EnumerateArray().Single(t => t.GetProperty("word").GetString() == "и");
        and.GetProperty("stem").GetString().Should().Be("и");
        and.GetProperty("term").ValueKind.Should().Be(JsonValueKind.Null);
        var meeting = json.RootElement.GetProperty("tokens").EnumerateArray().Single(t => t.GetProperty("word").GetString() == "Встреча");
        meeting.GetProperty("stem").GetString().Should().Be("встреч");
        meeting.GetProperty("term").GetString().Should().Be("встреч");
    }

    [Fact]
    public async Task Lang_overrides_the_detected_language()
    {
        using var folder = new TempFolder();
        var file = folder.Write("page.txt", Russian);

        var asKazakh = await RunAsync(DigestBotCommand.Create(), "analyze", "--lang", "kk", file);

        asKazakh.ExitCode.Should().Be(0, asKazakh.Error);
        using var json = JsonDocument.Parse(asKazakh.Output);
        json.RootElement.GetProperty("language").GetString().Should().Be("kk");
        var terms = json.RootElement.GetProperty("tokens").EnumerateArray()
            .Select(t => t.GetProperty("term")).Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString());
        string.Join(' ', terms).Should().Be(SearchAnalyzer.AnalyzeDocument(Russian, Language.Kk))
            .And.NotBe(SearchAnalyzer.AnalyzeDocument(Russian, Language.Ru));
    }

    [Fact]
    public async Task Reads_standard_input_given_as_a_dash()
    {
        var input = new MemoryStream(Encoding.UTF8.GetBytes(Kazakh));
        var root = new RootCommand { GlobalOptions.Database, AnalyzeCommand.Create(() => input) };

        var result = await RunAsync(root, "analyze", "-");

        result.ExitCode.Should().Be(0, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        json.RootElement.GetProperty("language").GetString().Should().Be("kk");
        json.RootElement.GetProperty("sentences").GetArrayLength().Should().Be(2);
    }

    [Fact]
    public async Task A_missing_file_fails_with_one_line()
    {
        using var folder = new TempFolder();
        var file = folder.File("missing.txt");

        var result = await RunAsync(DigestBotCommand.Create(), "analyze", file);

        result.ExitCode.Should().Be(AnalyzeCommand.UnreadableExitCode);
        result.Output.Should().BeEmpty();
        result.Error.Should().Be($"analyze: unable to read {file}: no such file{Environment.NewLine}");
    }

    [Fact]
    public async Task An_unknown_language_fails_with_one_line()
    {
        using var folder = new TempFolder();
        var file = folder.Write("page.txt", Russian);

        var result = await RunAsync(DigestBotCommand.Create(), "analyze", "--lang", "de", file);

        result.ExitCode.Should().Be(AnalyzeCommand.UnknownLanguageExitCode);
        result.Output.Should().BeEmpty();
        result.Error.Should().Be($"analyze: unknown language 'de': use ru, kk or en{Environment.NewLine}");
    }

    [Fact]
    public async Task Help_lists_the_verb()
    {
        var result = await RunAsync(DigestBotCommand.Create(), "--help");

        result.Output.Should().MatchRegex(@"(?m)^\s+analyze <file>\s+Print a text's language, sentences and words");
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task The_executable_reads_piped_text()
    {
        var result = await CommandLine.RunAsync(
            "dotnet",
            [Path.Combine(AppContext.BaseDirectory, "digestbot.dll"), "analyze", "-"],
            TimeSpan.FromMinutes(1),
            input: "Ел Президенті Астанада сөз сөйледі. Жиын аяқталды.");

        result.ExitCode.Should().Be(0, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        json.RootElement.GetProperty("language").GetString().Should().Be("kk");
        json.RootElement.GetProperty("sentences").EnumerateArray().Select(s => s.GetString())
            .Should().Equal("Ел Президенті Астанада сөз сөйледі.", "Жиын аяқталды.");
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(RootCommand root, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }
}
