using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using DigestBot.Core.Articles;
using DigestBot.Search;
using DigestBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace DigestBot.Cli;

/// <summary><c>digestbot search</c>: full-text search over the stored articles, as <c>/search</c> answers it.</summary>
public static class SearchCommand
{
    public static Command Create()
    {
        var query = new Argument<string?>("query")
        {
            Description = "What to look for: words, \"phrases\", -excluded, prefix*, OR between alternatives.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var queries = new Option<FileInfo?>("--queries")
        {
            Description = "A file with one query per line, answered in order in one process.",
        };
        var language = new Option<string?>("--lang")
        {
            Description = "Only articles in this language: ru, kk or en.",
        };
        language.AcceptOnlyFromAmong("ru", "kk", "en");
        var limit = new Option<int>("--limit")
        {
            Description = "How many results at most.",
            DefaultValueFactory = _ => 10,
        };
        limit.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 1000)
            {
                result.AddError("--limit must be between 1 and 1000.");
            }
        });
        var json = new Option<bool>("--json") { Description = "Print JSON (one object per query) instead of a table." };

        var command = new Command("search", "Search the stored articles.") { query, queries, language, limit, json };
        command.Validators.Add(result =>
        {
            if ((result.GetValue(query) is null) == (result.GetValue(queries) is null))
            {
                result.AddError("Give either a query or --queries <file>.");
            }
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = AppHost.CreateBuilder(parse.GetValue(GlobalOptions.Database), quiet: true).Build();
            await host.Services.GetRequiredService<DatabaseMigrator>().PrepareForReadingAsync(cancellationToken);
            var search = host.Services.GetRequiredService<IArticleSearch>();
            Language? only = LanguageCodes.TryParse(parse.GetValue(language), out var parsed) ? parsed : null;
            var texts = parse.GetValue(queries) is { } file
                ? await File.ReadAllLinesAsync(file.FullName, cancellationToken)
                : [parse.GetValue(query)!];
            var factory = host.Services.GetRequiredService<DigestDbContextFactory>();
            var output = parse.InvocationConfiguration.Output;
            foreach (var text in texts)
            {
                var page = await search.SearchAsync(text, only, 0, parse.GetValue(limit), cancellationToken);
                var result = await DescribeAsync(factory, text, page, cancellationToken);
                if (parse.GetValue(json))
                {
                    await output.WriteLineAsync(JsonSerializer.Serialize(result, SearchJsonContext.Readable.SearchResultJson));
                    continue;
                }

                await output.WriteLineAsync($"{text}: {result.Total}{(result.Capped ? "+" : "")} result(s)");
                foreach (var hit in result.Hits)
                {
                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{hit.Id,6}  {hit.Language}  {hit.Score,7:F2}  {hit.Title}"));
                    await output.WriteLineAsync($"        {hit.Snippet}");
                }
            }

            return 0;
        });
        return command;
    }

    private static async Task<SearchResultJson> DescribeAsync(DigestDbContextFactory factory, string query, SearchPage page, CancellationToken cancellationToken)
    {
        var ids = page.Hits.Select(h => h.ArticleId).ToList();
        await using var db = factory.CreateDbContext();
        var articles = await db.Articles.AsNoTracking()
            .Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Title, a.Language })
            .ToDictionaryAsync(a => a.Id, cancellationToken);
        var hits = page.Hits
            .Where(h => articles.ContainsKey(h.ArticleId))
            .Select(h => new SearchHitJson(h.ArticleId, articles[h.ArticleId].Title, articles[h.ArticleId].Language.ToCode(), Math.Round(h.Score, 4), h.SnippetHtml))
            .ToList();
        return new SearchResultJson(query, page.Total, page.Capped, hits);
    }
}

/// <summary>The answer to one query as <c>search --json</c> prints it: <paramref name="Capped"/> when more than
/// <paramref name="Total"/> matched and only the newest of them were ranked.</summary>
public sealed record SearchResultJson(string Query, int Total, bool Capped, IReadOnlyList<SearchHitJson> Hits);

/// <summary>One hit as <c>search --json</c> prints it; the snippet is Telegram HTML.</summary>
public sealed record SearchHitJson(long Id, string Title, string Language, double Score, string Snippet);

[JsonSerializable(typeof(SearchResultJson))]
internal sealed partial class SearchJsonContext : JsonSerializerContext
{
    /// <summary>Keeps Cyrillic readable in the output, one line per query.</summary>
    public static SearchJsonContext Readable { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
