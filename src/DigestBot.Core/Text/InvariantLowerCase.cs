using DigestBot.Core.Text;

namespace DigestBot.Core.Text;

/// <summary>
/// <see cref="char.ToLowerInvariant(char)"/> read from a table. The runtime asks ICU for every non-ASCII character,
/// which made case folding the costliest step of reading and analysing Cyrillic text; the table holds the runtime's own answers.
/// </summary>
internal static class InvariantLowerCase
{
    private static readonly char[] Table = Build();

    public static char Of(char ch) => Table[ch];

    private static char[] Build()
    {
        var table = new char[char.MaxValue + 1];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = char.ToLowerInvariant((char)i);
        }

        return table;
    }
}
