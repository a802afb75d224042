using System.Text.Json;
using DigestBot.Core.Articles;

namespace DigestBot.Core.Topics;

/// <summary>The topics maintainers keep in <c>seeds/topics.json</c>: names, aliases and keywords per language.</summary>
public sealed class TopicCatalog
{
    private readonly Dictionary<string, Topic> byId;
    private readonly Dictionary<string, Topic> byName;

    public TopicCatalog(IEnumerable<Topic> topics)
    {
        All = [.. topics];
        byId = All.ToDictionary(t => t.Id, StringComparer.Ordinal);
        byName = new Dictionary<string, Topic>(StringComparer.Ordinal);
        foreach (var topic in All)
        {
            foreach (var name in NamesOf(topic))
            {
                byName.TryAdd(Fold(name), topic);
            }
        }
    }

    public static TopicCatalog Empty { get; } = new([]);

    public IReadOnlyList<Topic> All { get; }

    /// <summary>Reads the catalogue file's JSON; throws <see cref="FormatException"/> naming what is wrong.</summary>
    public static TopicCatalog Parse(string json)
    {
        CatalogFile? file;
        try
        {
            file = JsonSerializer.Deserialize(json, TopicsJson.Default.CatalogFile);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"not valid topics JSON: {ex.Message}", ex);
        }

        var topics = new List<Topic>();
        foreach (var (entry, index) in (file?.Topics ?? []).Select((t, i) => (t, i)))
        {
            if (string.IsNullOrWhiteSpace(entry.Id) || entry.Id.Length > 24 || !entry.Id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                throw new FormatException($"topic #{index + 1}: id must be 1-24 ASCII letters, digits, '-' or '_'");
            }

            topics.Add(new Topic(
                entry.Id.ToLowerInvariant(),
                ByLanguage(entry.Names, v => v.Trim()),
                ByLanguage(entry.Aliases, v => (IReadOnlyList<string>)[.. v.Select(a => a.Trim()).Where(a => a.Length > 0)]),
                ByLanguage(entry.Keywords, v => (IReadOnlyList<string>)[.. v.Select(Fold).Where(k => k.Length >= 3)])));
        }

        if (topics.Select(t => t.Id).Distinct().Count() != topics.Count)
        {
            throw new FormatException("topic ids must be unique");
        }

        return new TopicCatalog(topics);
    }

    public Topic? Get(string id) => byId.GetValueOrDefault(id);

    /// <summary>Finds a topic by its id or any of its names or aliases, in any language and case.</summary>
    public Topic? Find(string name)
    {
        var folded = Fold(name);
        return byName.GetValueOrDefault(folded) ?? byId.GetValueOrDefault(folded);
    }

    /// <summary>The topics whose names are closest to what the reader typed, for "did you mean".</summary>
    public IReadOnlyList<Topic> Nearest(string name, int count = 3)
    {
        var folded = Fold(name);
        if (folded.Length == 0)
        {
            return [];
        }

        return [.. All
            .Select(t => (Topic: t, Distance: NamesOf(t).Min(n => Distance(folded, Fold(n)))))
            .Where(x => x.Distance <= Math.Max(2, folded.Length / 2))
            .OrderBy(x => x.Distance)
            .ThenBy(x => x.Topic.Id, StringComparer.Ordinal)
            .Take(count)
            .Select(x => x.Topic)];
    }

    /// <summary>Lowercase, with ё read as е, so "Ёлка" and "елка" meet.</summary>
    public static string Fold(string text) => text.Trim().ToLowerInvariant().Replace('ё', 'е');

    private static IEnumerable<string> NamesOf(Topic topic) =>
        topic.Names.Values.Concat(topic.Aliases.Values.SelectMany(a => a)).Append(topic.Id);

    private static Dictionary<Language, T> ByLanguage<TIn, T>(Dictionary<string, TIn>? values, Func<TIn, T> convert)
    {
        var result = new Dictionary<Language, T>();
        foreach (var (code, value) in values ?? [])
        {
            if (LanguageCodes.TryParse(code, out var language))
            {
                result[language] = convert(value);
            }
        }

        return result;
    }

    /// <summary>Levenshtein distance, prefix-aware: a typed beginning of a name counts as close.</summary>
    private static int Distance(string typed, string name)
    {
        if (name.StartsWith(typed, StringComparison.Ordinal) && typed.Length >= 3)
        {
            return 0;
        }

        var previous = new int[name.Length + 1];
        var current = new int[name.Length + 1];
        for (var j = 0; j <= name.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= typed.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= name.Length; j++)
            {
                var cost = typed[i - 1] == name[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[name.Length];
    }
}
