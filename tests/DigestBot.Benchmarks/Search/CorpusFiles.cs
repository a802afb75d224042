using System.Text.Encodings.Web;
using System.Text.Json;

namespace DigestBot.Benchmarks.Search;

/// <summary>Writes generated articles as JSON Lines, the seeds' bulk format.</summary>
public static class CorpusFiles
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary><c>corpus N out.jsonl</c>: N articles in one file.</summary>
    public static async Task<int> WriteAsync(int count, string path)
    {
        var generator = new ArticleGenerator(Paths.Seeds);
        await WriteAsync(generator, 0, count, path);
        Console.WriteLine($"corpus: {count:N0} articles written to {path} ({new FileInfo(path).Length / 1024.0 / 1024.0:N1} MB)");
        return 0;
    }

    /// <summary>Appends the articles <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> - 1 to a new file.</summary>
    public static async Task WriteAsync(ArticleGenerator generator, int first, int count, string path)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        await using var writer = new StreamWriter(path);
        for (var i = first; i < first + count; i++)
        {
            await writer.WriteLineAsync(JsonSerializer.Serialize(generator.NextArticle(i), Json));
        }
    }
}
