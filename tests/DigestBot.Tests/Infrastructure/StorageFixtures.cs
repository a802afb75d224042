using System.CommandLine;
using System.Globalization;
using System.Text;
using DigestBot.Cli;
using Microsoft.Data.Sqlite;

namespace DigestBot.Tests.Infrastructure;

/// <summary>Stores of generated articles for the storage fault and check tests, and ways to damage them.</summary>
internal static class StorageFixtures
{
    private static readonly string[] Words =
        ["astana", "river", "market", "energy", "school", "health", "bridge", "wheat", "railway", "festival", "museum", "science"];

    /// <summary>Writes <paramref name="count"/> English plain-text seeds, about 3 KB each, none like another.</summary>
    public static string WriteSeeds(string folder, int count, int first = 0)
    {
        Directory.CreateDirectory(folder);
        var random = new Random(first);
        for (var i = first; i < first + count; i++)
        {
            var body = new StringBuilder().Append(CultureInfo.InvariantCulture, $"The story {i} is told here. ");
            for (var word = 0; word < 300; word++)
            {
                body.Append(Words[random.Next(Words.Length)]).Append(random.Next(100_000)).Append(word % 12 == 11 ? ". " : " ");
            }

            File.WriteAllText(Path.Combine(folder, $"{i:D5}.txt"), $"Title number {i} about {Words[i % Words.Length]}\n\n{body}\n");
        }

        return folder;
    }

    /// <summary>A migrated store at <c>data/bot.db</c> holding that many generated articles.</summary>
    public static async Task<string> CreateStoreAsync(TempFolder folder, int articles)
    {
        var db = folder.File("data/bot.db");
        Directory.CreateDirectory(Path.GetDirectoryName(db)!);
        var seeds = WriteSeeds(folder.File("store-seeds"), articles);
        var error = new StringWriter();
        var exitCode = await DigestBotCommand.Create().Parse(["import", seeds, "--db", db])
            .InvokeAsync(new InvocationConfiguration { Output = new StringWriter(), Error = error });
        SqliteConnection.ClearAllPools();
        exitCode.Should().Be(0, error.ToString());
        return db;
    }

    public static async Task<long> ScalarAsync(string db, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={db};Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    public static async Task ExecuteAsync(string db, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={db};Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Overwrites the page that holds article number <paramref name="number"/> with garbage, and drops its index row
    /// so that the start-up step, which indexes what the index lacks, has to read that page.</summary>
    public static async Task CorruptArticleAsync(string db, int number)
    {
        var title = $"Title number {number} about";
        await ExecuteAsync(db, $"DELETE FROM ArticleSearch WHERE rowid = (SELECT Id FROM Articles WHERE Title LIKE '{title}%')");
        await ExecuteAsync(db, "PRAGMA wal_checkpoint(TRUNCATE)");

        var bytes = await File.ReadAllBytesAsync(db);
        var pageSize = (bytes[16] << 8) | bytes[17];
        var found = bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(title));
        found.Should().BePositive("the article is stored in the file");
        Array.Fill(bytes, (byte)0xA5, found / pageSize * pageSize, pageSize);
        await File.WriteAllBytesAsync(db, bytes);
    }

    public static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
