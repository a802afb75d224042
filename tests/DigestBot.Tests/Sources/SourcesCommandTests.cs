using System.Text.Json;
using DigestBot.Tests.Infrastructure;

namespace DigestBot.Tests.Sources;

/// <summary>A maintainer manages and polls sources with the <c>sources</c> verb of the digestbot executable.</summary>
[Trait("Category", "Slow")]
public sealed class SourcesCommandTests : IAsyncLifetime
{
    private static readonly string Executable = Path.Combine(AppContext.BaseDirectory, "digestbot.dll");
    private readonly TempFolder folder = new();
    private NewsSite site = null!;

    public async Task InitializeAsync()
    {
        site = await NewsSite.StartAsync();
        SourceFixtures.ServePages(site);
        site.ServeFixture("/rss", "feeds/rss2.xml");
        site.ServeFixture("/atom", "feeds/atom.xml");
    }

    public async Task DisposeAsync()
    {
        await site.DisposeAsync();
        folder.Dispose();
    }

    [Fact]
    public async Task Add_list_poll_and_remove_a_source()
    {
        var added = await RunAsync("sources", "add", site.Url("/rss"), "--name", "Лента", "--interval", "00:30:00", "--lang", "ru", "--topics", "economy,society");
        var again = await RunAsync("sources", "add", site.Url("/rss"), "--name", "Лента новостей");
        await RunAsync("sources", "add", site.Url("/atom"));
        await RunAsync("sources", "add", site.Url("/gone"));

        var poll = await RunAsync("sources", "poll", "--once");
        var list = await RunAsync("sources", "list", "--json");
        var removed = await RunAsync("sources", "remove", "1");
        var articles = await RunAsync("articles", "--json", "--limit", "100");
        var after = await RunAsync("sources", "list");

        added.ExitCode.Should().Be(0, added.Error);
        added.Output.Should().Be($"added source 1: {site.Url("/rss")}\n");
        again.Output.Should().Be($"updated source 1: {site.Url("/rss")}\n", "adding a feed twice changes what the second time states");

        poll.ExitCode.Should().Be(3, "one source could not be read");
        poll.Output.Should().Contain($"1 {site.Url("/rss")}: 6 new, 0 updated, 0 unchanged")
            .And.Contain($"2 {site.Url("/atom")}: 4 new")
            .And.Contain($"3 {site.Url("/gone")}: failed: HTTP 404 Not Found")
            .And.Contain("3 source(s): 10 new, 0 updated, 0 unchanged, 1 failed.");
        poll.Error.Should().BeEmpty("no progress line when standard error is not a terminal");

        using var json = JsonDocument.Parse(list.Output);
        var first = json.RootElement[0];
        first.GetProperty("kind").GetString().Should().Be("rss");
        first.GetProperty("name").GetString().Should().Be("Лента новостей");
        first.GetProperty("interval").GetString().Should().Be("00:30:00");
        first.GetProperty("language").GetString().Should().Be("ru");
        first.GetProperty("topics").EnumerateArray().Select(t => t.GetString()).Should().Equal("economy", "society");
        first.GetProperty("itemsStored").GetInt32().Should().Be(6);
        first.GetProperty("consecutiveFailures").GetInt32().Should().Be(0);
        first.GetProperty("lastSuccessAt").ValueKind.Should().Be(JsonValueKind.String);
        json.RootElement[1].GetProperty("kind").GetString().Should().Be("atom");
        json.RootElement[2].GetProperty("lastError").GetString().Should().Be("HTTP 404 Not Found");
        json.RootElement[2].GetProperty("consecutiveFailures").GetInt32().Should().Be(1);

        removed.Output.Should().Be($"removed source 1: {site.Url("/rss")}\n");
        after.Output.Should().NotContain(site.Url("/rss")).And.Contain(site.Url("/atom"));

        using var stored = JsonDocument.Parse(articles.Output);
        stored.RootElement.GetArrayLength().Should().Be(10, "removing a source keeps its articles");
        var topics = stored.RootElement.EnumerateArray()
            .Where(a => a.GetProperty("url").GetString()!.Contains("/news/", StringComparison.Ordinal))
            .Select(a => a.GetProperty("topics").EnumerateArray().Select(t => t.GetString()).ToList());
        topics.Should().AllSatisfy(t => t.Should().Contain("economy"));
        stored.RootElement.EnumerateArray().Should().Contain(a => a.GetProperty("imageUrl").ValueKind == JsonValueKind.String);
    }

    [Theory]
    [InlineData("ftp://news.test/rss", "sources add: 'ftp://news.test/rss' is not an http or https address")]
    [InlineData("news.test/rss", "sources add: 'news.test/rss' is not an http or https address")]
    [InlineData("https://news.test/rss --interval 30", "sources add: '30' is not an interval such as 00:15:00")]
    [InlineData("https://news.test/rss --interval 00:00:10", "sources add: the interval 00:00:10 is not between 00:01:00 and 1.00:00:00")]
    [InlineData("https://news.test/rss --interval 2.00:00:00", "sources add: the interval 2.00:00:00 is not between 00:01:00 and 1.00:00:00")]
    public async Task Add_refuses_an_address_that_is_not_http_or_an_interval_out_of_range(string arguments, string line)
    {
        var result = await RunAsync(["sources", "add", .. arguments.Split(' ')]);

        result.ExitCode.Should().Be(1);
        result.Error.Should().Be(line + "\n");
    }

    [Fact]
    public async Task The_sources_file_is_read_by_list_and_poll_and_a_source_it_lists_comes_back_after_remove()
    {
        folder.Write("sources.json", $$"""[{ "url": "{{site.Url("/atom")}}", "name": "Astana Daily", "lang": "en" }]""");
        var environment = new Dictionary<string, string> { ["Sources__CatalogPath"] = folder.File("sources.json") };

        var list = await RunAsync(environment, "sources", "list");
        var poll = await RunAsync(environment, "sources", "poll", "--once");
        var removed = await RunAsync(environment, "sources", "remove", site.Url("/atom"));
        var back = await RunAsync(environment, "sources", "list");

        list.Output.Should().Contain($"Astana Daily  {site.Url("/atom")}");
        poll.ExitCode.Should().Be(0, poll.Output + poll.Error);
        poll.Output.Should().Contain($"1 {site.Url("/atom")}: 4 new");
        removed.Output.Should().Be(
            $"removed source 1: {site.Url("/atom")}\n" +
            "it is listed in the sources file (Sources:CatalogPath) and comes back at the next start unless removed there\n");
        back.Output.Should().Contain(site.Url("/atom"));
    }

    [Fact]
    public async Task Poll_and_remove_name_an_unknown_source_in_one_line()
    {
        var poll = await RunAsync("sources", "poll", "42");
        var remove = await RunAsync("sources", "remove", "https://nowhere.test/rss");

        poll.ExitCode.Should().Be(1);
        poll.Error.Should().Be("sources poll: no source '42'; see digestbot sources list\n");
        remove.ExitCode.Should().Be(1);
        remove.Error.Should().Be("sources remove: no source 'https://nowhere.test/rss'; see digestbot sources list\n");
    }

    [Fact]
    public async Task Without_the_setting_a_source_on_the_local_network_is_refused_in_one_line()
    {
        await RunAsync("sources", "add", site.Url("/rss"));

        var poll = await RunAsync(new Dictionary<string, string> { ["Sources__AllowPrivateAddresses"] = "false" }, "sources", "poll", "--once");

        poll.ExitCode.Should().Be(3);
        poll.Output.Should().Contain(
            $"1 {site.Url("/rss")}: failed: refused: 127.0.0.1 is a private or local address (127.0.0.1); " +
            "set Sources:AllowPrivateAddresses=true (env Sources__AllowPrivateAddresses) to allow it");
        site.Requests.Should().BeEmpty();
    }

    private Task<CommandResult> RunAsync(params string[] args) => RunAsync(new Dictionary<string, string>(), args);

    private async Task<CommandResult> RunAsync(Dictionary<string, string> environment, params string[] args)
    {
        var all = new Dictionary<string, string>
        {
            ["ConnectionStrings__Articles"] = "Data Source=" + folder.File("bot.db"),
            ["Topics__CatalogPath"] = Path.Combine(RepositoryPaths.Seeds, "topics.json"),
            ["Sources__AllowPrivateAddresses"] = "true",
        };
        foreach (var (key, value) in environment)
        {
            all[key] = value;
        }

        return await CommandLine.RunAsync("dotnet", [Executable, .. args], TimeSpan.FromMinutes(2), folder.Path, environment: all);
    }
}
