using System.Text.Json;
using System.Text.Json.Nodes;
using DigestBot.Importing;
using DigestBot.Search;
using DigestBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DigestBot.Tests.Search;

/// <summary>The relevance corpus imported once: the bundled seeds plus the summarization reference articles;
/// as a class fixture on a fresh SQLite file, else on the database <see cref="StartAsync"/> is given.</summary>
public sealed class SearchCorpus : IAsyncLifetime
{
    private TestHost? host;
    private Dictionary<long, string> names = [];

    public TestHost Host => host ?? throw new InvalidOperationException("search corpus: not started");

    public IArticleSearch Search => Host.Get<IArticleSearch>();

    /// <summary>The corpus id (seed file name or reference id) of a stored article.</summary>
    public string NameOf(long articleId) => names[articleId];

    /// <summary>The corpus on another database, such as a test PostgreSQL database; dispose of it when done.</summary>
    public static async Task<SearchCorpus> StartAsync(IDictionary<string, string?> settings, string connectionString)
    {
        var corpus = new SearchCorpus();
        await corpus.ImportAsync(await TestHost.StartAsync(settings, connectionString: connectionString));
        return corpus;
    }

    public async Task InitializeAsync() => await ImportAsync(await TestHost.StartAsync());

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }

    private async Task ImportAsync(TestHost started)
    {
        host = started;
        var reference = Path.Combine(RepositoryPaths.Root, "tests", "data", "summaries", "reference.jsonl");
        // The relevance queries were judged against these 70 articles; articles added to the reference set later
        // would compete for the top 5 without having been judged.
        var judged = File.ReadLines(Path.Combine(RepositoryPaths.Root, "tests", "data", "search", "corpus.txt"))
            .Where(line => line.Length > 0)
            .ToHashSet(StringComparer.Ordinal);
        var lines = File.ReadLines(reference)
            .Where(line => line.Length > 0)
            .Select(line => JsonNode.Parse(line)!.AsObject())
            .Where(item => judged.Contains(item["id"]!.GetValue<string>()))
            .Select(item => new JsonObject { ["id"] = item["id"]!.GetValue<string>(), ["language"] = item["language"]!.GetValue<string>(), ["text"] = item["text"]!.GetValue<string>() }.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        var articles = host.Folder.Write("reference/articles.jsonl", string.Join('\n', lines));

        var report = await host.Get<ArticleImporter>().ImportAsync([RepositoryPaths.Seeds, articles], CancellationToken.None);
        report.Added.Should().Be(75);

        await using var db = host.Db();
        names = await db.ArticleOrigins.ToDictionaryAsync(o => o.ArticleId, o => OriginName(o.Key));
    }

    private static string OriginName(string key) =>
        key.LastIndexOf('#') is var hash and >= 0 ? key[(hash + 1)..] : Path.GetFileNameWithoutExtension(key);
}
