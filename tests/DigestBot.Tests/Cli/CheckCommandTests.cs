using System.CommandLine;
using DigestBot.Cli;
using DigestBot.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace DigestBot.Tests.Cli;

/// <summary><c>digestbot check</c>: the file's integrity and the search index against the articles; <c>--repair</c> rebuilds the index.</summary>
[Trait("Category", "Slow")]
public sealed class CheckCommandTests
{
    [Fact]
    public async Task A_fresh_store_passes()
    {
        using var folder = new TempFolder();
        var db = await StorageFixtures.CreateStoreAsync(folder, articles: 30);

        var check = await RunAsync("check", "--db", db);

        check.ExitCode.Should().Be(0, check.Output + check.Error);
        check.Output.Should().Be("check: integrity ok; 30 article(s), 30 search index row(s), 30 sampled: consistent.\n");
        check.Error.Should().BeEmpty();
    }

    [Fact]
    public async Task A_missing_index_row_fails_with_5_until_repair_rebuilds_the_index()
    {
        using var folder = new TempFolder();
        var db = await StorageFixtures.CreateStoreAsync(folder, articles: 30);
        var id = await StorageFixtures.ScalarAsync(db, "SELECT Id FROM Articles WHERE Title LIKE 'Title number 7 %'");
        await StorageFixtures.ExecuteAsync(db, $"DELETE FROM ArticleSearch WHERE rowid = {id}");

        var broken = await RunAsync("check", "--db", db);
        var repaired = await RunAsync("check", "--repair", "--db", db);
        var again = await RunAsync("check", "--db", db);

        broken.ExitCode.Should().Be(5, broken.Output + broken.Error);
        broken.Output.Should().Be(
            $"search index: 1 article(s) without an index row: {id}\n" +
            "check: integrity ok; 30 article(s), 29 search index row(s), 29 sampled: 1 finding(s); digestbot check --repair rebuilds the search index.\n");
        repaired.ExitCode.Should().Be(0, repaired.Output + repaired.Error);
        repaired.Output.Should().EndWith("check: search index rebuilt; 30 article(s), 30 search index row(s), 30 sampled: consistent.\n");
        again.ExitCode.Should().Be(0, again.Output + again.Error);
        (await StorageFixtures.ScalarAsync(db, $"SELECT count(*) FROM ArticleSearch WHERE rowid = {id}")).Should().Be(1);
    }

    [Fact]
    public async Task Rows_of_gone_articles_and_rows_that_no_longer_match_their_article_are_findings()
    {
        using var folder = new TempFolder();
        var db = await StorageFixtures.CreateStoreAsync(folder, articles: 30);
        var id = await StorageFixtures.ScalarAsync(db, "SELECT Id FROM Articles WHERE Title LIKE 'Title number 3 %'");
        await StorageFixtures.ExecuteAsync(db, $"DELETE FROM ArticleSearch WHERE rowid = {id}");
        await StorageFixtures.ExecuteAsync(db, $"INSERT INTO ArticleSearch(rowid, title, body, summary) VALUES ({id}, 'stale', 'stale', 'stale')");
        await StorageFixtures.ExecuteAsync(db, "INSERT INTO ArticleSearch(rowid, title, body, summary) VALUES (9999, 'gone', 'gone', 'gone')");

        var broken = await RunAsync("check", "--db", db);
        var repaired = await RunAsync("check", "--repair", "--db", db);

        broken.ExitCode.Should().Be(5, broken.Output + broken.Error);
        broken.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            "search index: 1 row(s) of articles that are gone: 9999",
            $"search index: 1 of 30 sampled row(s) differ from their article: {id}",
            "check: integrity ok; 30 article(s), 31 search index row(s), 30 sampled: 2 finding(s); digestbot check --repair rebuilds the search index.");
        repaired.ExitCode.Should().Be(0, repaired.Output + repaired.Error);
        (await StorageFixtures.ScalarAsync(db, "SELECT count(*) FROM ArticleSearch")).Should().Be(30);
    }

    [Fact]
    public async Task A_store_that_is_not_there_is_one_line_and_exit_4_and_is_not_created()
    {
        using var folder = new TempFolder();
        var db = folder.File("typo/digestbot.db");
        var executable = Path.Combine(AppContext.BaseDirectory, "digestbot.dll");

        var check = await CommandLine.RunAsync("dotnet", [executable, "check", "--db", db], TimeSpan.FromMinutes(2), folder.Path);

        check.ExitCode.Should().Be(4, check.Output + check.Error);
        check.Error.Should().Be(
            $"digestbot: storage: ConnectionStrings:Articles (env ConnectionStrings__Articles) names no SQLite file: '{db}' does not exist.\n");
        File.Exists(db).Should().BeFalse("checking must not leave an empty store behind");
    }

    [Fact]
    public async Task A_corrupt_file_fails_with_5_and_one_line_saying_so_and_repair_leaves_it_alone()
    {
        using var folder = new TempFolder();
        var db = await StorageFixtures.CreateStoreAsync(folder, articles: 200);
        await StorageFixtures.CorruptArticleAsync(db, number: 100);
        var executable = Path.Combine(AppContext.BaseDirectory, "digestbot.dll");

        var check = await CommandLine.RunAsync("dotnet", [executable, "check", "--db", db], TimeSpan.FromMinutes(2), folder.Path);
        var repair = await CommandLine.RunAsync("dotnet", [executable, "check", "--repair", "--db", db], TimeSpan.FromMinutes(2), folder.Path);

        check.ExitCode.Should().Be(5, check.Output + check.Error);
        check.Error.Should().BeEmpty();
        var lines = check.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(2);
        lines[0].Should().StartWith("integrity: ").And.Contain("problem(s)");
        lines[1].Should().Be("check: the file is damaged, so the search index was not compared; restore the store from a backup.");
        repair.ExitCode.Should().Be(5, repair.Output + repair.Error);
        repair.Output.Should().Be(check.Output);
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await DigestBotCommand.Create().Parse(args)
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        SqliteConnection.ClearAllPools();
        return (exitCode, output.ToString(), error.ToString());
    }
}
