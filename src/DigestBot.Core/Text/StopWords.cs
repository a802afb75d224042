using System.Collections.Frozen;
using DigestBot.Core.Articles;

namespace DigestBot.Core.Text;

/// <summary>Function words per <see cref="Language"/>, normalised as <see cref="Tokenizer.Normalize"/> does (see Text/Resources/README.md).</summary>
public static class StopWords
{
    public static FrozenSet<string> Russian { get; } = Load("stopwords-ru.txt");

    public static FrozenSet<string> Kazakh { get; } = Load("stopwords-kk.txt");

    public static FrozenSet<string> English { get; } = Load("stopwords-en.txt");

    public static FrozenSet<string> For(Language language) => language switch
    {
        Language.Ru => Russian,
        Language.Kk => Kazakh,
        Language.En => English,
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, null),
    };

    private static FrozenSet<string> Load(string fileName)
    {
        var name = $"DigestBot.Core.Text.Resources.{fileName}";
        using var stream = typeof(StopWords).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"stop words: unable to find embedded resource {name}");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Trim() is { Length: > 0 } word)
            {
                words.Add(Tokenizer.Normalize(word));
            }
        }

        return words.ToFrozenSet(StringComparer.Ordinal);
    }
}
