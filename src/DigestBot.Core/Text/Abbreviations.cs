using System.Collections.Frozen;

namespace DigestBot.Core.Text;

/// <summary>What the sentence splitter knows about abbreviations, read from Text/Resources/abbreviations.txt.</summary>
internal static class Abbreviations
{
    private static readonly FrozenDictionary<string, FrozenSet<string>> Sections = Load("abbreviations.txt");

    /// <summary>Never end a sentence: "им. Абая", "оз. Балхаш", "Mr. Smith".</summary>
    public static FrozenSet<string> BeforeName { get; } = Sections["before-name"];

    /// <summary>End a sentence when a capitalised word follows: "и т. д. Потом".</summary>
    public static FrozenSet<string> MayEnd { get; } = Sections["may-end"];

    /// <summary>Month names shortened: no boundary before a day or a year.</summary>
    public static FrozenSet<string> Months { get; } = Sections["month"];

    private static FrozenDictionary<string, FrozenSet<string>> Load(string fileName)
    {
        var name = $"DigestBot.Core.Text.Resources.{fileName}";
        using var stream = typeof(Abbreviations).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"abbreviations: unable to find embedded resource {name}");
        using var reader = new StreamReader(stream);
        var sections = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        HashSet<string>? section = null;
        while (reader.ReadLine() is { } line)
        {
            var content = line.Split('#', 2)[0].Trim();
            if (content.StartsWith('[') && content.EndsWith(']'))
            {
                section = new HashSet<string>(StringComparer.Ordinal);
                sections[content[1..^1]] = section;
                continue;
            }

            foreach (var word in content.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                (section ?? throw new InvalidOperationException($"abbreviations: {word} comes before any [section]")).Add(Tokenizer.Normalize(word));
            }
        }

        return sections.ToFrozenDictionary(s => s.Key, s => s.Value.ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal);
    }
}
