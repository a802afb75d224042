using System.CommandLine;
using System.Text;
using System.Text.Json;
using DigestBot.Cli;
using DigestBot.Tests.Infrastructure;

namespace DigestBot.Tests.Summaries;

/// <summary><c>summarize</c> and <c>eval-summaries</c> as a maintainer runs them.</summary>
public class SummariesCommandLineTests
{
    private const string FrontMatter = """
        ---
        title: Нацбанк сохранил базовую ставку
        source: kursiv.media
        published: 2025-12-25 10:00
        language: ru
        ---
        Национальный банк Казахстана сохранил базовую ставку на уровне 16,5 процента годовых.

        Решение объяснили высокими инфляционными ожиданиями населения и бизнеса.

        Следующее решение по ставке будет объявлено в январе следующего года.
        """;

    private const string JsonLines = """
        {"id": "kk-1", "title": "Алматыда жаңа мектеп ашылды", "text": "Алматыда 1200 оқушыға арналған жаңа мектеп ашылды.\nМектепте заманауи зертханалар мен спорт залы бар.\nҚұрылысқа қалалық бюджеттен 9 миллиард теңге бөлінді.", "language": "kk"}
        {"id": "kk-2", "text": "Екінші мақала мәтіні осында жазылған, бірақ ол қолданылмайды."}
        """;

    private const string Feed = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0">
          <channel>
            <title>Zakon.kz</title>
            <link>https://www.zakon.kz/</link>
            <item>
              <title>В Алматы открыли новую школу</title>
              <link>https://www.zakon.kz/news/1</link>
              <guid>zakon-1</guid>
              <pubDate>Thu, 25 Dec 2025 16:46:00 +0500</pubDate>
              <description>&lt;p&gt;В Алматы открыли новую школу на 1200 учеников в Наурызбайском районе.&lt;/p&gt;&lt;p&gt;На строительство из городского бюджета направили 9 миллиардов тенге.&lt;/p&gt;</description>
            </item>
          </channel>
        </rss>
        """;

    public static TheoryData<string, string, string> Inputs => new()
    {
        { "scraped.txt", File.ReadAllText(Path.Combine(RepositoryPaths.Seeds, "003_df342e71ac7386e8.txt")), "ru" },
        { "scraped-kk.txt", File.ReadAllText(Path.Combine(RepositoryPaths.Seeds, "002_bb976cd12282bddc.txt")), "kk" },
        { "article.md", FrontMatter, "ru" },
        { "bulk.jsonl", JsonLines, "kk" },
        { "feed.xml", Feed, "ru" },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task Summarize_json_follows_the_contract_for_each_seed_format(string name, string content, string language)
    {
        using var folder = new TempFolder();
        var file = folder.Write(name, content);

        var result = await RunAsync(DigestBotCommand.Create(), "summarize", file, "--json");

        result.ExitCode.Should().Be(0, result.Error);
        AssertSummaryJson(result.Output, language, "extractive");
    }

    [Fact]
    public async Task Summarize_reads_standard_input_given_as_a_dash()
    {
        var input = new MemoryStream(Encoding.UTF8.GetBytes(FrontMatter));
        var root = new RootCommand { GlobalOptions.Database, SummarizeCommand.Create(() => input) };

        var result = await RunAsync(root, "summarize", "-", "--json");

        result.ExitCode.Should().Be(0, result.Error);
        var json = AssertSummaryJson(result.Output, "ru", "extractive");
        json.RootElement.GetProperty("summary").GetString().Should().StartWith("Национальный банк Казахстана сохранил базовую ставку");
    }

    [Fact]
    public async Task Summarize_without_a_translating_provider_says_the_summary_stays_in_the_articles_language()
    {
        using var folder = new TempFolder();
        var file = folder.Write("article.md", FrontMatter);

        var result = await RunAsync(DigestBotCommand.Create(), "summarize", file, "--lang", "kk", "--json");

        result.ExitCode.Should().Be(0, result.Error);
        AssertSummaryJson(result.Output, "ru", "extractive");
        result.Error.Should().Contain("the summary is in ru");
    }

    [Fact]
    public async Task Summarize_prints_only_the_summary_without_json()
    {
        using var folder = new TempFolder();
        var file = folder.Write("article.md", FrontMatter);

        var result = await RunAsync(DigestBotCommand.Create(), "summarize", file);

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Trim().Should().StartWith("Национальный банк Казахстана").And.NotContain("{");
    }

    [Theory]
    [InlineData("missing.txt", null, "no such file")]
    [InlineData("empty.txt", "", "empty file")]
    [InlineData("binary.txt", "\0\u0001\u0002\u0003", "binary")]
    public async Task Summarize_a_bad_input_fails_with_one_line(string name, string? content, string reason)
    {
        using var folder = new TempFolder();
        var file = content is null ? folder.File(name) : folder.Write(name, content);

        var result = await RunAsync(DigestBotCommand.Create(), "summarize", file, "--json");

        result.ExitCode.Should().Be(SummarizeCommand.UnreadableExitCode);
        result.Output.Should().BeEmpty();
        result.Error.Trim().Split('\n').Should().ContainSingle()
            .Which.Should().StartWith($"summarize: unable to read {file}: ").And.Contain(reason);
    }

    [Fact]
    public async Task Eval_summaries_prints_every_system_for_every_language()
    {
        var result = await RunAsync(DigestBotCommand.Create(), "eval-summaries", ReferencePath);

        result.ExitCode.Should().Be(0, result.Error);
        var output = result.Output;
        foreach (var language in new[] { "ru", "kk", "en" })
        {
            output.Should().Contain($"{language}: ");
        }

        var rows = output.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0).ToList();
        rows.Count(line => line.StartsWith("system ", StringComparison.Ordinal)).Should().Be(3);
        foreach (var system in new[] { "ours", "lead-1", "lead-2", "lead-3", "textrank" })
        {
            var lines = rows.Where(line => line.StartsWith(system + " ", StringComparison.Ordinal)).ToList();
            lines.Should().HaveCount(3, $"{system} has a row per language");
            lines.Should().OnlyContain(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 4);
        }
    }

    [Theory]
    [InlineData(null, new[] { "Tuning half", "Held-out half" })]
    [InlineData("heldout", new[] { "Held-out half" })]
    [InlineData("tuning", new[] { "Tuning half" })]
    public async Task Eval_summaries_with_a_split_prints_a_table_per_half(string? half, string[] titles)
    {
        string[] args = ["eval-summaries", ReferencePath, "--split", SplitPath, .. half is null ? Array.Empty<string>() : ["--half", half]];

        var result = await RunAsync(DigestBotCommand.Create(), args);

        result.ExitCode.Should().Be(0, result.Error);
        var rows = result.Output.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0).ToList();
        rows.Where(line => line.EndsWith(" articles", StringComparison.Ordinal) && line.Contains(" half: ", StringComparison.Ordinal))
            .Select(line => line[..line.IndexOf(':', StringComparison.Ordinal)])
            .Should().Equal(titles);
        rows.Count(line => line.StartsWith("ours ", StringComparison.Ordinal)).Should().Be(3 * titles.Length, "each half has a row per language");
    }

    [Fact]
    public async Task Eval_summaries_refuses_a_half_without_a_split()
    {
        var result = await RunAsync(DigestBotCommand.Create(), "eval-summaries", ReferencePath, "--half", "heldout");

        result.ExitCode.Should().Be(EvalSummariesCommand.UnreadableExitCode);
        result.Output.Should().BeEmpty();
        result.Error.Trim().Should().Be("eval-summaries: --half needs --split");
    }

    [Fact]
    public async Task Eval_summaries_reports_and_skips_malformed_lines()
    {
        using var folder = new TempFolder();
        var good = File.ReadLines(ReferencePath).Take(3);
        var file = folder.Write("cases.jsonl", string.Join('\n', good.Concat(["not json", """{"text": "Текст.", "summary": "Итог.", "language": "de"}""", """{"text": 1}"""])));

        var result = await RunAsync(DigestBotCommand.Create(), "eval-summaries", file);

        result.ExitCode.Should().Be(EvalSummariesCommand.SkippedExitCode);
        result.Error.Trim().Split('\n').Should().HaveCount(3)
            .And.SatisfyRespectively(
                line => line.Should().StartWith($"{file}:4: skipped: not valid JSON"),
                line => line.Should().Be($"{file}:5: skipped: unknown language \"de\""),
                line => line.Should().Be($"{file}:6: skipped: \"text\" must be a string"));
        result.Output.Should().Contain("of 3 summaries").And.Contain("ours");
    }

    private static string ReferencePath => Path.Combine(RepositoryPaths.Root, "tests", "data", "summaries", "reference.jsonl");

    private static string SplitPath => Path.Combine(RepositoryPaths.Root, "tests", "data", "summaries", "split.json");

    private static JsonDocument AssertSummaryJson(string output, string language, string method)
    {
        var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        root.EnumerateObject().Select(p => p.Name).Should().Equal("language", "summary", "sentences", "method");
        root.GetProperty("language").GetString().Should().Be(language);
        root.GetProperty("method").GetString().Should().Be(method);
        var sentences = root.GetProperty("sentences").EnumerateArray().Select(s => s.GetString()!).ToList();
        sentences.Should().NotBeEmpty().And.OnlyContain(s => s.Length > 0);
        root.GetProperty("summary").GetString().Should().Be(string.Join(' ', sentences));
        return json;
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(RootCommand root, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }
}
