using System.CommandLine;
using System.Text.Json;
using DigestBot.Cli;
using DigestBot.Tests.Infrastructure;

namespace DigestBot.Tests.Cli;

public class CommandLineTests
{
    [Fact]
    public async Task Import_then_articles_json_follows_the_contract()
    {
        using var folder = new TempFolder();
        var db = folder.File("cli.db");

        var import = await RunAsync("import", RepositoryPaths.Seeds, "--db", db);
        var list = await RunAsync("articles", "--json", "--limit", "3", "--db", db);

        import.ExitCode.Should().Be(0, import.Error);
        import.Output.Should().Contain("5 added");
        list.ExitCode.Should().Be(0, list.Error);
        using var json = JsonDocument.Parse(list.Output);
        json.RootElement.ValueKind.Should().Be(JsonValueKind.Array);
        json.RootElement.GetArrayLength().Should().Be(3);
        foreach (var article in json.RootElement.EnumerateArray())
        {
            article.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo(
                "id", "title", "language", "source", "url", "imageUrl", "publishedAt", "importedAt", "topics", "wordCount", "body");
            article.GetProperty("id").GetInt64().Should().BePositive();
            article.GetProperty("title").GetString().Should().NotBeNullOrWhiteSpace();
            article.GetProperty("language").GetString().Should().BeOneOf("ru", "kk", "en");
            article.GetProperty("source").ValueKind.Should().BeOneOf(JsonValueKind.String, JsonValueKind.Null);
            article.GetProperty("url").ValueKind.Should().BeOneOf(JsonValueKind.String, JsonValueKind.Null);
            var published = article.GetProperty("publishedAt");
            if (published.ValueKind == JsonValueKind.String)
            {
                DateTimeOffset.Parse(published.GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            }
            else
            {
                published.ValueKind.Should().Be(JsonValueKind.Null);
            }

            article.GetProperty("importedAt").GetDateTimeOffset().Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5));
            article.GetProperty("topics").ValueKind.Should().Be(JsonValueKind.Array);
            article.GetProperty("wordCount").GetInt32().Should().BePositive();
            article.GetProperty("body").GetString().Should().NotBeNullOrWhiteSpace();
        }
    }

    [Theory]
    [InlineData("ru")]
    [InlineData("kk")]
    public async Task Articles_lang_lists_only_that_language(string language)
    {
        using var folder = new TempFolder();
        var db = folder.File("cli.db");
        await RunAsync("import", RepositoryPaths.Seeds, "--db", db);

        var list = await RunAsync("articles", "--json", "--lang", language, "--db", db);

        using var json = JsonDocument.Parse(list.Output);
        json.RootElement.EnumerateArray().Should().NotBeEmpty()
            .And.OnlyContain(a => a.GetProperty("language").GetString() == language);
    }

    [Fact]
    public async Task Import_names_each_skipped_file_and_says_so_in_the_exit_code()
    {
        using var folder = new TempFolder();
        var good = folder.Write("good.txt", "Новый мост открыли в Караганде\n\nМост через реку Букпа открыли для движения в понедельник. Его длина составляет 120 метров.");
        var empty = folder.Write("empty.txt", "");

        var result = await RunAsync("import", good, empty, "--db", folder.File("cli.db"));

        result.ExitCode.Should().Be(ImportCommand.SkippedExitCode);
        result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle()
            .Which.Should().StartWith(empty + ": skipped: ");
        result.Output.Should().Contain("1 added");
    }

    [Fact]
    public async Task Articles_rejects_an_unknown_language()
    {
        using var folder = new TempFolder();

        var result = await RunAsync("articles", "--lang", "de", "--db", folder.File("cli.db"));

        result.ExitCode.Should().NotBe(0);
        result.Error.Should().Contain("de");
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await DigestBotCommand.Create().Parse(args)
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return (exitCode, output.ToString(), error.ToString());
    }
}
