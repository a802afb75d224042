namespace DigestBot.Core.Text;

/// <summary>Splits text into lowercase word tokens ("ё" folded to "е"), keeping hyphenated words and decimal numbers whole.</summary>
public static class Tokenizer
{
    /// <summary>The normalised tokens of <paramref name="text"/>, in order.</summary>
    public static List<string> Tokenize(ReadOnlySpan<char> text)
    {
        var tokens = new List<string>();
        Tokenize(text, tokens);
        return tokens;
    }

    /// <summary>Appends the normalised tokens of <paramref name="text"/> to <paramref name="tokens"/>.</summary>
    public static void Tokenize(ReadOnlySpan<char> text, List<string> tokens)
    {
        var words = new WordEnumerator(text);
        while (words.MoveNext())
        {
            tokens.Add(Normalize(text[words.Current]));
        }
    }

    /// <summary>Lowercases a word and folds "ё" into "е", as every stemmer and stop-word list here expects.</summary>
    public static string Normalize(ReadOnlySpan<char> word) =>
        string.Create(word.Length, word, static (destination, source) => Normalize(source, destination));

    /// <summary>Writes the normalised form of <paramref name="word"/> into <paramref name="destination"/>, of the same length.</summary>
    public static void Normalize(ReadOnlySpan<char> word, Span<char> destination)
    {
        for (var i = 0; i < word.Length; i++)
        {
            var c = InvariantLowerCase.Of(word[i]);
            destination[i] = c == 'ё' ? 'е' : c;
        }
    }

    internal static bool IsWordChar(char c) => char.IsLetterOrDigit(c);

    /// <summary>Walks the word ranges of a span without allocating.</summary>
    public ref struct WordEnumerator(ReadOnlySpan<char> text)
    {
        private readonly ReadOnlySpan<char> text = text;
        private int position;

        public Range Current { get; private set; }

        public bool MoveNext()
        {
            var text = this.text;
            var i = position;
            while (i < text.Length && !IsWordChar(text[i]))
            {
                i++;
            }

            if (i == text.Length)
            {
                position = i;
                return false;
            }

            var start = i;
            while (i < text.Length)
            {
                if (IsWordChar(text[i]))
                {
                    i++;
                }
                else if (i + 1 < text.Length && IsJoiner(text, i))
                {
                    i += 2;
                }
                else
                {
                    break;
                }
            }

            Current = start..i;
            position = i;
            return true;
        }

        // "сондай-ақ", "30-летие", "ТМД-ға", "1,142" and "3.5" stay one token.
        private static bool IsJoiner(ReadOnlySpan<char> text, int i)
        {
            var c = text[i];
            var next = text[i + 1];
            return c switch
            {
                '-' or '\u2011' or '\'' or '\u2019' => IsWordChar(next),
                '.' or ',' => char.IsAsciiDigit(next) && char.IsAsciiDigit(text[i - 1]),
                _ => false,
            };
        }
    }
}
