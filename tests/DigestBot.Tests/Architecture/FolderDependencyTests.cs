using System.Text.RegularExpressions;
using DigestBot.Tests.Infrastructure;

namespace DigestBot.Tests.Architecture;

/// <summary>
/// The top-level folders of the host (Conversation, Features, Jobs, Storage …) depend on each other in one direction
/// only, so that each can be read, and changed, knowing only the folders below it.
/// </summary>
/// <remarks>A folder depends on another when one of its source files names that folder's namespace (a using, a full name)
/// or one of its types qualified by the folder ("Storage.Source"). Comments do not count.</remarks>
public sealed partial class FolderDependencyTests
{
    private static readonly string Source = Path.Combine(RepositoryPaths.Root, "src", "DigestBot");

    [Fact]
    public void No_two_folders_of_the_host_depend_on_each_other_even_through_others()
    {
        var graph = Dependencies();

        var cycle = FindCycle(graph.ToDictionary(e => e.Key, e => (IReadOnlyCollection<string>)e.Value.Keys));

        cycle.Should().BeNull(cycle is null ? "" : Describe(cycle, graph));
    }

    [Fact]
    public void The_scan_sees_the_dependencies_the_code_is_built_on()
    {
        var graph = Dependencies();

        graph["Features"].Keys.Should().Contain(["Conversation", "Storage"], "every handler answers through a ChatTurn and reads the store");
        graph["Jobs"].Keys.Should().Contain(["Features", "Storage"], "the digest jobs read the subscriptions");
        graph["TelegramHost"].Keys.Should().Contain("Conversation", "the receivers hand updates to the dispatcher");
    }

    [Theory]
    [InlineData("A>B B>C", null)]
    [InlineData("A>B B>C C>A", "A B C A")]
    [InlineData("A>B A>C C>D D>C", "C D C")]
    [InlineData("A>B B>A", "A B A")]
    public void A_cycle_is_found_however_long(string edges, string? expected)
    {
        var graph = edges.Split(' ')
            .Select(e => e.Split('>'))
            .GroupBy(e => e[0], e => e[1])
            .ToDictionary(g => g.Key, g => (IReadOnlyCollection<string>)g.ToList());

        var cycle = FindCycle(graph);

        (cycle is null ? null : string.Join(' ', cycle)).Should().Be(expected);
    }

    /// <summary>For each folder, the folders it depends on, each with the files that make it so.</summary>
    private static Dictionary<string, Dictionary<string, SortedSet<string>>> Dependencies()
    {
        var folders = Directory.GetDirectories(Source)
            .Select(Path.GetFileName)
            .Where(name => name is not ("bin" or "obj"))
            .Select(name => name!)
            .ToHashSet(StringComparer.Ordinal);
        var typesByFolder = typeof(AppHost).Assembly.GetTypes()
            .Where(t => t.Namespace?.Split('.') is ["DigestBot", var folder, ..] && folders.Contains(folder))
            .GroupBy(t => t.Namespace!.Split('.')[1], t => t.Name.Split('`')[0])
            .ToDictionary(g => g.Key, g => g.ToHashSet(StringComparer.Ordinal));
        var graph = folders.ToDictionary(f => f, _ => new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var folder in folders)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(Source, folder), "*.cs", SearchOption.AllDirectories))
            {
                var code = string.Join('\n', File.ReadLines(file).Where(line => !line.TrimStart().StartsWith("//", StringComparison.Ordinal)));
                var named = FullName().Matches(code).Select(m => m.Groups["folder"].Value)
                    .Concat(Qualified().Matches(code)
                        .Where(m => typesByFolder.GetValueOrDefault(m.Groups["folder"].Value)?.Contains(m.Groups["type"].Value) == true)
                        .Select(m => m.Groups["folder"].Value));
                foreach (var other in named.Where(o => o != folder && folders.Contains(o)))
                {
                    if (!graph[folder].TryGetValue(other, out var files))
                    {
                        graph[folder][other] = files = new SortedSet<string>(StringComparer.Ordinal);
                    }

                    files.Add(Path.GetRelativePath(Source, file));
                }
            }
        }

        return graph;
    }

    /// <summary>The first cycle found, as the folders walked round it back to the first; null when there is none.</summary>
    private static List<string>? FindCycle(Dictionary<string, IReadOnlyCollection<string>> graph)
    {
        var done = new HashSet<string>();
        var path = new List<string>();
        foreach (var start in graph.Keys.Order(StringComparer.Ordinal))
        {
            if (Visit(start) is { } cycle)
            {
                return cycle;
            }
        }

        return null;

        List<string>? Visit(string node)
        {
            var at = path.IndexOf(node);
            if (at >= 0)
            {
                return [.. path[at..], node];
            }

            if (!done.Add(node))
            {
                return null;
            }

            path.Add(node);
            foreach (var next in graph.GetValueOrDefault(node, []).Order(StringComparer.Ordinal))
            {
                if (Visit(next) is { } cycle)
                {
                    return cycle;
                }
            }

            path.RemoveAt(path.Count - 1);
            return null;
        }
    }

    private static string Describe(List<string> cycle, Dictionary<string, Dictionary<string, SortedSet<string>>> graph) =>
        "the folders go round in a circle: " + string.Join("; ", cycle.Zip(cycle.Skip(1), (from, to) => $"{from} → {to} ({string.Join(", ", graph[from][to])})"));

    [GeneratedRegex(@"\bDigestBot\.(?<folder>[A-Z]\w*)")]
    private static partial Regex FullName();

    [GeneratedRegex(@"(?<![\w.])(?<folder>[A-Z]\w*)\.(?<type>[A-Z]\w*)")]
    private static partial Regex Qualified();
}
