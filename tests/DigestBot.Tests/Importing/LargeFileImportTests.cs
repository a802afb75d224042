using System.Globalization;
using System.Text;
using DigestBot.Importing;
using DigestBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DigestBot.Tests.Importing;

/// <summary>JSON Lines and feeds are read article by article: the size limit is per article, not per file.</summary>
[Trait("Category", "Slow")]
public class LargeFileImportTests
{
    private static readonly Dictionary<string, string?> SmallLimits = new()
    {
        ["Seeds:MaxFileBytes"] = "1024",
        ["Seeds:MaxArticleBytes"] = "4096",
    };

    [Fact]
    public async Task A_json_lines_file_over_MaxFileBytes_is_imported_and_only_a_line_over_MaxArticleBytes_is_a_problem()
    {
        await using var host = await TestHost.StartAsync(SmallLimits);
        var lines = Enumerable.Range(1, 1_200).Select(JsonLine).ToList();
        var huge = $$"""{"id": "huge", "title": "Длинная", "body": "{{string.Join(' ', Enumerable.Repeat("Очень длинная новость о бюджете.", 200))}}"}""";
        lines.Insert(6, huge);
        var path = host.Folder.Write("in/bulk.jsonl", string.Join('\n', lines) + "\n");

        var report = await host.Get<ArticleImporter>().ImportAsync([path], CancellationToken.None);

        var file = report.Files.Should().ContainSingle().Subject;
        file.Skipped.Should().BeFalse(file.SkipReason);
        file.Added.Should().Be(1_200, "the file spans three batches and each of them is stored");
        var size = Encoding.UTF8.GetByteCount(huge);
        file.Problems.Should().Equal(string.Create(CultureInfo.InvariantCulture, $"line 7: too large: {size:N0} bytes, the limit is 4,096 (Seeds:MaxArticleBytes)"));
        await using var db = host.Db();
        (await db.Articles.CountAsync()).Should().Be(1_200);
    }

    [Fact]
    public async Task An_rss_file_over_MaxFileBytes_is_imported_and_only_an_item_over_MaxArticleBytes_is_a_problem()
    {
        await using var host = await TestHost.StartAsync(SmallLimits);
        var items = Enumerable.Range(1, 30).Select(i => i == 2
                ? $"<item><guid>2</guid><title>Длинная</title><description>{string.Join(' ', Enumerable.Repeat("Очень длинная новость о бюджете.", 200))}</description></item>"
                : $"<item><guid>{i}</guid><title>Новость {i}</title><description>Текст новости номер {i} о работе сената и маслихата.</description></item>");
        var path = host.Folder.Write("in/feed.rss", $"""<?xml version="1.0"?><rss version="2.0"><channel><title>Лента</title><link>https://news.kz/</link>{string.Concat(items)}</channel></rss>""");

        var report = await host.Get<ArticleImporter>().ImportAsync([path], CancellationToken.None);

        var file = report.Files.Should().ContainSingle().Subject;
        file.Skipped.Should().BeFalse(file.SkipReason);
        file.Added.Should().Be(29);
        file.Problems.Should().ContainSingle().Which.Should().StartWith("item 2: too large: ").And.EndWith(" bytes, the limit is 4,096 (Seeds:MaxArticleBytes)");
        await using var db = host.Db();
        (await db.Articles.Select(a => a.Source).Distinct().ToListAsync()).Should().Equal("news.kz");
    }

    [Fact]
    public async Task A_text_file_over_MaxFileBytes_is_still_skipped_unread()
    {
        await using var host = await TestHost.StartAsync(SmallLimits);
        var path = host.Folder.Write("in/page.txt", "Заголовок\n\n" + string.Join(' ', Enumerable.Repeat("Текст страницы.", 100)));

        var report = await host.Get<ArticleImporter>().ImportAsync([path], CancellationToken.None);

        report.Files.Single().SkipReason.Should().StartWith("too large: ").And.EndWith(" bytes, the limit is 1,024 (Seeds:MaxFileBytes)");
    }

    [Fact]
    public async Task A_too_small_MaxArticleBytes_stops_the_host_naming_the_setting_and_its_environment_form()
    {
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?> { ["Seeds:MaxArticleBytes"] = "100" });

        var options = () => host.Get<IOptions<SeedsOptions>>().Value;

        options.Should().Throw<OptionsValidationException>()
            .Which.Failures.Should().Contain("Seeds:MaxArticleBytes (env Seeds__MaxArticleBytes) must be at least 1024.");
    }

    private static string JsonLine(int i) =>
        $$"""{"id": "n-{{i}}", "title": "Новость {{i}}", "body": "Текст новости номер {{i}} о работе сената и маслихата. Второе предложение новости {{i}}."}""";
}
