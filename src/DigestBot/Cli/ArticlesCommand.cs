using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using DigestBot.Core.Articles;
using DigestBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace DigestBot.Cli;

/// <summary><c>digestbot articles</c>: lists stored articles, newest first.</summary>
public static class ArticlesCommand
{
    public static Command Create()
    {
        var language = new Option<string?>("--lang")
        {
            Description = "Only articles in this language: ru, kk or en.",
        };
        language.AcceptOnlyFromAmong("ru", "kk", "en");
        var limit = new Option<int>("--limit")
        {
            Description = "How many articles at most.",
            DefaultValueFactory = _ => 20,
        };
        limit.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 100_000)
            {
                result.AddError("--limit must be between 1 and 100000.");
            }
        });
        var json = new Option<bool>("--json") { Description = "Print a JSON array instead of a table." };

        var command = new Command("articles", "List stored articles, newest first.") { language, limit, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = AppHost.CreateBuilder(parse.GetValue(GlobalOptions.Database), quiet: true).Build();
            await host.Services.GetRequiredService<DatabaseMigrator>().PrepareForReadingAsync(cancellationToken);
            await using var db = host.Services.GetRequiredService<DigestDbContextFactory>().CreateDbContext();

            var query = db.Articles.AsNoTracking();
            if (LanguageCodes.TryParse(parse.GetValue(language), out var only))
            {
                query = query.Where(a => a.Language == only);
            }

            var articles = await query
                .OrderByDescending(a => a.PublishedAt ?? a.ImportedAt)
                .ThenByDescending(a => a.Id)
                .Take(parse.GetValue(limit))
                .Select(a => new ArticleJson(
                    a.Id,
                    a.Title,
                    a.Language.ToCode(),
                    a.Source,
                    a.Url,
                    a.ImageUrl,
                    a.PublishedAt,
                    a.ImportedAt,
                    a.Topics.OrderBy(t => t.TopicId).Select(t => t.TopicId).ToList(),
                    a.WordCount,
                    a.Body))
                .ToListAsync(cancellationToken);

            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(articles, CliJson.Readable.ListArticleJson));
                return 0;
            }

            foreach (var a in articles)
            {
                var published = a.PublishedAt?.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) ?? "unknown date    ";
                await output.WriteLineAsync($"{a.Id,6}  {a.Language}  {published}  {a.Source ?? "-",-20}  {a.Title}");
            }

            return 0;
        });
        return command;
    }
}

/// <summary>One article as <c>articles --json</c> prints it.</summary>
public sealed record ArticleJson(
    long Id,
    string Title,
    string Language,
    string? Source,
    string? Url,
    string? ImageUrl,
    DateTimeOffset? PublishedAt,
    DateTimeOffset ImportedAt,
    IReadOnlyList<string> Topics,
    int WordCount,
    string Body);

[JsonSerializable(typeof(List<ArticleJson>))]
[JsonSerializable(typeof(SummaryJson))]
[JsonSerializable(typeof(AnalysisJson))]
[JsonSerializable(typeof(List<SourceJson>))]
internal sealed partial class CliJson : JsonSerializerContext
{
    /// <summary>Keeps Cyrillic readable in the output; the JSON is still valid.</summary>
    public static CliJson Readable { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
