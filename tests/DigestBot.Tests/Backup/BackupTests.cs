using System.CommandLine;
using System.Text.RegularExpressions;
using DigestBot.Benchmarks;
using DigestBot.Cli;
using DigestBot.Importing;
using DigestBot.Search;
using DigestBot.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DigestBot.Tests.Backup;

/// <summary><c>backup</c> copies a store that an import is writing to, and the copy restores into a store that is whole,
/// whose search index matches its articles, and that the bot opens and searches.</summary>
[Trait("Category", "Slow")]
public sealed class BackupTests
{
    private const int Pages = 2000;

    [Fact]
    public async Task A_backup_taken_during_an_import_restores_into_a_whole_store_that_opens_and_answers_a_search()
    {
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?> { ["Topics:CatalogPath"] = Path.Combine(RepositoryPaths.Seeds, "topics.json") });
        var seeds = host.Folder.File("seeds");
        Directory.CreateDirectory(seeds);
        var generator = new ArticleGenerator(RepositoryPaths.Seeds);
        for (var i = 0; i < Pages; i++)
        {
            await File.WriteAllTextAsync(Path.Combine(seeds, $"{i:D6}.txt"), generator.NextScrapedPage(i));
        }

        var store = host.Folder.File("digestbot.db");
        var importing = Task.Run(() => host.Get<ArticleImporter>().ImportAsync([seeds], CancellationToken.None));
        await FirstArticlesAsync(store, importing);

        importing.IsCompleted.Should().BeFalse("the backup is taken while the import writes");
        var backup = host.Folder.File("backups/digestbot-copy.db");
        var result = await RunAsync("backup", backup, "--db", store);

        result.ExitCode.Should().Be(0, result.Error);
        result.Error.Should().BeEmpty("the progress line stays off when standard error is not a terminal");
        var report = await importing;
        report.Added.Should().Be(Pages);

        // Restoring is putting the copy where the store was: here, a new file the bot is pointed at.
        var restored = host.Folder.File("restored/digestbot.db");
        Directory.CreateDirectory(Path.GetDirectoryName(restored)!);
        File.Copy(backup, restored);
        await using (var connection = new SqliteConnection($"Data Source={restored};Pooling=False"))
        {
            await connection.OpenAsync();
            (await ScalarAsync<string>(connection, "PRAGMA integrity_check")).Should().Be("ok");
            var articles = await ColumnAsync(connection, "SELECT Id FROM Articles ORDER BY Id");
            var indexed = await ColumnAsync(connection, "SELECT rowid FROM ArticleSearch ORDER BY rowid");
            articles.Should().NotBeEmpty().And.HaveCountLessThan(Pages, "the copy is a snapshot from the middle of the import");
            indexed.Should().Equal(articles, "the search index of the copy holds exactly its articles");
            result.Output.Should().MatchRegex($@"^{Regex.Escape(backup)}: \d+\.\d MB, {articles.Count} articles, \d+\.\d s\r?\n$", "one line: file, size, articles, seconds");
        }

        await using var reopened = await TestHost.StartAsync(
            new Dictionary<string, string?> { ["Topics:CatalogPath"] = Path.Combine(RepositoryPaths.Seeds, "topics.json") },
            connectionString: restored);
        string title;
        await using (var db = reopened.Db())
        {
            title = await db.Articles.OrderBy(a => a.Id).Select(a => a.Title).FirstAsync();
        }

        var word = Regex.Matches(title, @"\p{L}+").MaxBy(m => m.Length)!.Value;
        var found = await reopened.Get<IArticleSearch>().SearchAsync(word, null, 0, 5, CancellationToken.None);
        found.Total.Should().BePositive($"the restored store finds '{word}' of its first title");
    }

    [Fact]
    public async Task A_backup_never_overwrites_a_file()
    {
        using var folder = new TempFolder();
        var store = folder.File("digestbot.db");
        (await RunAsync("import", RepositoryPaths.Seeds, "--db", store)).ExitCode.Should().Be(0);
        var existing = folder.Write("taken.db", "not a database");

        var result = await RunAsync("backup", existing, "--db", store);

        result.ExitCode.Should().Be(BackupCommand.FailedExitCode);
        result.Error.Trim().Should().Be($"backup: {existing} already exists; name a new file (a backup never overwrites one).");
        (await File.ReadAllTextAsync(existing)).Should().Be("not a database");
        File.Exists(existing + ".partial").Should().BeFalse();
    }

    [Fact]
    public async Task On_PostgreSQL_backup_says_in_one_line_to_use_pg_dump()
    {
        using var folder = new TempFolder();
        var environment = new Dictionary<string, string>
        {
            ["Storage__Provider"] = "Postgres",
            ["ConnectionStrings__Articles"] = "Host=db.example.internal;Database=digestbot;Username=digestbot",
        };

        var result = await CommandLine.RunAsync(
            "dotnet", [Path.Combine(AppContext.BaseDirectory, "digestbot.dll"), "backup", folder.File("copy.db")], TimeSpan.FromMinutes(2), folder.Path, environment: environment);

        result.ExitCode.Should().Be(BackupCommand.PostgresExitCode);
        result.Output.Should().BeEmpty();
        result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle()
            .Which.Should().Contain("pg_dump").And.Contain("pg_restore");
        File.Exists(folder.File("copy.db")).Should().BeFalse();
    }

    /// <summary>Waits, in real time, until the first batch of the import is stored.</summary>
    private static async Task FirstArticlesAsync(string store, Task importing)
    {
        var waiting = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            waiting.Elapsed.Should().BeLessThan(TimeSpan.FromMinutes(2), "the import stores its first batch");
            importing.IsFaulted.Should().BeFalse();
            await using var connection = new SqliteConnection($"Data Source={store};Pooling=False");
            await connection.OpenAsync();
            if (await ScalarAsync<long>(connection, "SELECT COUNT(*) FROM Articles") > 0)
            {
                return;
            }

            await Task.Delay(20);
        }
    }

    private static async Task<T> ScalarAsync<T>(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<List<long>> ColumnAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<long>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetInt64(0));
        }

        return values;
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await DigestBotCommand.Create().Parse(args)
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }
}
