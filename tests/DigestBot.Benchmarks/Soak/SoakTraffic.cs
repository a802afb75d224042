using System.Text.Json;
using System.Text.RegularExpressions;

namespace DigestBot.Benchmarks.Soak;

/// <summary>What emulated users say to the bot: commands with varied arguments, plain text and unknown commands, drawn
/// from the seeds' own words and the topic catalogue so that searches and topics find something (and sometimes not).</summary>
internal sealed partial class SoakTraffic
{
    private static readonly string[] Texts = ["hello", "Привет! Что нового?", "Сәлем, қалайсыз?", "thanks", "?", "новости"];

    private static readonly string[] UnknownCommands = ["/weather", "/stats", "/subscribe_all", "/news"];

    private readonly string[] words;
    private readonly string[] pairs;
    private readonly string[] topics;

    private SoakTraffic(string[] words, string[] pairs, string[] topics)
    {
        this.words = words;
        this.pairs = pairs;
        this.topics = topics;
    }

    public static SoakTraffic FromSeeds(string seeds)
    {
        var text = string.Join('\n', Directory.EnumerateFiles(seeds, "*.txt").Select(File.ReadAllText));
        var tokens = Word().Matches(text).Select(m => m.Value).ToList();
        var words = tokens.Where(w => w.Length >= 5).Select(w => w.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToArray();
        var pairs = tokens.Zip(tokens.Skip(1), (a, b) => $"{a} {b}").Distinct(StringComparer.Ordinal).ToArray();

        using var catalogue = JsonDocument.Parse(File.ReadAllText(Path.Combine(seeds, "topics.json")));
        var topics = catalogue.RootElement.GetProperty("topics").EnumerateArray()
            .SelectMany(topic => topic.GetProperty("names").EnumerateObject().Select(name => name.Value.GetString()!).Append(topic.GetProperty("id").GetString()!))
            .ToArray();
        return new SoakTraffic(words, pairs, topics);
    }

    /// <summary>The next thing a user types: a command (starting with /) or plain text.</summary>
    public string Next(Random random) => random.Next(100) switch
    {
        < 5 => "/start",
        < 10 => "/help",
        < 18 => "/latest",
        < 25 => $"/latest {random.Next(1, 21)}",
        < 50 => "/search " + Query(random),
        < 57 => "/topic",
        < 67 => "/topic " + Pick(random, topics),
        < 75 => "/language",
        < 87 => random.Next(2) == 0 ? Pick(random, Texts) : Pick(random, words),
        _ => random.Next(3) == 0 ? $"/cmd{random.Next(1000)}" : Pick(random, UnknownCommands),
    };

    /// <summary>Search queries of every kind the parser knows, most of them matching some article.</summary>
    private string Query(Random random) => random.Next(8) switch
    {
        0 or 1 => Pick(random, words),
        2 => $"{Pick(random, words)} {Pick(random, words)}",
        3 => $"\"{Pick(random, pairs)}\"",
        4 => Pick(random, words)[..4] + "*",
        5 => $"{Pick(random, words)} -{Pick(random, words)}",
        6 => $"{Pick(random, words)} OR {Pick(random, words)}",
        _ => new string([.. Enumerable.Range(0, 8).Select(_ => (char)random.Next('a', 'z' + 1))]),
    };

    private static string Pick(Random random, string[] items) => items[random.Next(items.Length)];

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();
}
