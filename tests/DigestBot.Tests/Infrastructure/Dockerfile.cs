using System.Text;
using System.Text.Json;

namespace DigestBot.Tests.Infrastructure;

/// <summary>
/// The repository's Dockerfile read into its stages and instructions, so that tests run the very commands and settings
/// the image is built and started with and the two cannot drift apart. Only what that Dockerfile uses is understood.
/// </summary>
internal sealed class Dockerfile
{
    private Dockerfile(IReadOnlyList<DockerStage> stages) => Stages = stages;

    public static string DefaultPath => Path.Combine(RepositoryPaths.Root, "Dockerfile");

    public IReadOnlyList<DockerStage> Stages { get; }

    /// <summary>The stage the image is made of: the last one.</summary>
    public DockerStage Final => Stages[^1];

    public DockerStage Stage(string name) =>
        Stages.SingleOrDefault(s => s.Name == name) ?? throw new InvalidOperationException($"Dockerfile: no stage named {name}");

    public static Dockerfile Read(string? path = null)
    {
        var stages = new List<DockerStage>();
        foreach (var (keyword, arguments) in Instructions(File.ReadAllLines(path ?? DefaultPath)))
        {
            if (keyword == "FROM")
            {
                var words = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var name = words.Length == 3 && words[1].Equals("AS", StringComparison.OrdinalIgnoreCase) ? words[2] : null;
                stages.Add(new DockerStage(words[0], name));
            }
            else if (stages.Count == 0)
            {
                throw new InvalidOperationException($"Dockerfile: {keyword} before the first FROM");
            }
            else
            {
                stages[^1].Instructions.Add(new DockerInstruction(keyword, arguments));
            }
        }

        return new Dockerfile(stages);
    }

    // Joins continued lines and drops comments; parser directives such as "# syntax=" are comments here too.
    private static IEnumerable<(string Keyword, string Arguments)> Instructions(IEnumerable<string> lines)
    {
        var current = new StringBuilder();
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.StartsWith('#') || (line.Length == 0 && current.Length == 0))
            {
                continue;
            }

            var continues = line.EndsWith('\\');
            current.Append(continues ? line[..^1].TrimEnd() : line).Append(' ');
            if (continues)
            {
                continue;
            }

            var text = current.ToString().Trim();
            current.Clear();
            if (text.Length == 0)
            {
                continue;
            }

            var space = text.IndexOf(' ', StringComparison.Ordinal);
            yield return space < 0 ? (text.ToUpperInvariant(), "") : (text[..space].ToUpperInvariant(), text[(space + 1)..].Trim());
        }
    }
}

/// <summary>One <c>FROM</c> and the instructions after it.</summary>
internal sealed class DockerStage(string image, string? name)
{
    public string Image { get; } = image;

    public string? Name { get; } = name;

    public List<DockerInstruction> Instructions { get; } = [];

    public string? WorkingDirectory => Instructions.LastOrDefault(i => i.Keyword == "WORKDIR")?.Arguments;

    /// <summary>Every <c>ENV</c> of the stage, later ones winning.</summary>
    public IReadOnlyDictionary<string, string> Environment
    {
        get
        {
            var variables = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var env in Instructions.Where(i => i.Keyword == "ENV"))
            {
                foreach (var (name, value) in DockerInstruction.Assignments(env.Arguments))
                {
                    variables[name] = value;
                }
            }

            return variables;
        }
    }

    /// <summary>The shell-form <c>RUN</c> commands, each split at <c>&amp;&amp;</c> into plain argument lists.</summary>
    public IEnumerable<IReadOnlyList<string>> Commands =>
        Instructions.Where(i => i.Keyword == "RUN").SelectMany(run => run.Arguments.Split("&&").Select(DockerInstruction.Words));

    /// <summary>Each <c>COPY</c>: its <c>--from</c> stage (null for the build context), sources and destination.</summary>
    public IEnumerable<(string? From, IReadOnlyList<string> Sources, string Destination)> Copies =>
        Instructions.Where(i => i.Keyword == "COPY").Select(copy =>
        {
            var words = copy.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var from = words.FirstOrDefault(w => w.StartsWith("--from=", StringComparison.Ordinal))?["--from=".Length..];
            var paths = words.Where(w => !w.StartsWith("--", StringComparison.Ordinal)).ToList();
            return (from, (IReadOnlyList<string>)[.. paths.Take(paths.Count - 1)], paths[^1]);
        });

    public IReadOnlyList<string> ExecForm(string keyword) =>
        DockerInstruction.JsonArray(Instructions.Last(i => i.Keyword == keyword).Arguments);

    /// <summary>The command of <c>HEALTHCHECK [options] CMD [...]</c>.</summary>
    public IReadOnlyList<string> HealthCheck
    {
        get
        {
            var arguments = Instructions.Last(i => i.Keyword == "HEALTHCHECK").Arguments;
            var command = arguments.IndexOf("CMD ", StringComparison.Ordinal);
            return DockerInstruction.JsonArray(arguments[(command + "CMD ".Length)..]);
        }
    }
}

/// <summary>One instruction with its continued lines joined.</summary>
internal sealed record DockerInstruction(string Keyword, string Arguments)
{
    /// <summary>The words of a plain command; anything a shell would interpret is refused rather than guessed at.</summary>
    public static IReadOnlyList<string> Words(string command) =>
        command.IndexOfAny(['"', '\'', '$', '|', ';', '>', '<', '`', '*']) >= 0
            ? throw new NotSupportedException($"Dockerfile: a RUN command with shell syntax: {command}")
            : command.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static IReadOnlyList<string> JsonArray(string text) =>
        JsonSerializer.Deserialize<string[]>(text) ?? throw new InvalidOperationException($"Dockerfile: not a JSON array: {text}");

    /// <summary>The <c>name=value</c> pairs of an <c>ENV</c>, values optionally in double quotes.</summary>
    public static IEnumerable<(string Name, string Value)> Assignments(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i == text.Length)
            {
                yield break;
            }

            var equals = text.IndexOf('=', i);
            if (equals < 0)
            {
                throw new NotSupportedException($"Dockerfile: ENV without name=value: {text}");
            }

            var name = text[i..equals];
            var value = new StringBuilder();
            i = equals + 1;
            if (i < text.Length && text[i] == '"')
            {
                for (i++; i < text.Length && text[i] != '"'; i++)
                {
                    if (text[i] == '\\' && i + 1 < text.Length)
                    {
                        i++;
                    }

                    value.Append(text[i]);
                }

                i++;
            }
            else
            {
                for (; i < text.Length && !char.IsWhiteSpace(text[i]); i++)
                {
                    value.Append(text[i]);
                }
            }

            yield return (name, value.ToString());
        }
    }
}
