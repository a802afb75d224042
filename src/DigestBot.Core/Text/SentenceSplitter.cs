using System.Collections.Frozen;
using System.Text;

namespace DigestBot.Core.Text;

/// <summary>Splits Russian, Kazakh and English news text into sentences, aware of initials, abbreviations, numbers and quotes.</summary>
public static class SentenceSplitter
{
    // Abbreviations after which a capitalised word is still the same sentence ("им. Абая", "e.g. Paris", "т.е. Астана").
    private static readonly FrozenSet<string> NeverFinal = FrozenSet.ToFrozenSet(
    [
        "им", "ул", "пр", "просп", "пер", "д", "кв", "мкр", "проф", "акад", "доц", "ген", "св", "ст", "см", "ср", "тов", "гр",
        "г-н", "г-жа", "т.е", "т.н", "т.к", "т.ч", "напр", "стр", "рис", "табл", "көш", "даң", "ауд", "обл",
        "mr", "mrs", "ms", "dr", "prof", "st", "vs", "e.g", "i.e", "no", "jr", "sr",
    ], StringComparer.Ordinal);

    // Abbreviations that often end a sentence: the next sentence starts when a capitalised word follows.
    private static readonly FrozenSet<string> MaybeFinal = FrozenSet.ToFrozenSet(
    [
        "т.д", "т.п", "др", "гг", "жж", "руб", "тг", "тыс", "млн", "млрд", "трлн", "коп", "долл", "км", "кг", "га",
        "etc", "inc", "ltd", "co",
    ], StringComparer.Ordinal);

    /// <summary>The sentences of <paramref name="text"/>, trimmed, with inner runs of white space collapsed to one space.</summary>
    public static IReadOnlyList<string> Split(string text)
    {
        var ranges = new List<Range>();
        SplitRanges(text, ranges);
        var sentences = new List<string>(ranges.Count);
        var builder = new StringBuilder();
        foreach (var range in ranges)
        {
            sentences.Add(CollapseWhiteSpace(text.AsSpan()[range], builder));
        }

        return sentences;
    }

    /// <summary>Appends the ranges of the sentences of <paramref name="text"/>, trimmed, in order.</summary>
    public static void SplitRanges(ReadOnlySpan<char> text, List<Range> sentences)
    {
        var boundaries = new List<int>();
        var start = 0;
        while (start < text.Length)
        {
            var end = ParagraphEnd(text, start);
            var paragraph = text[start..end];
            boundaries.Clear();
            ScanParagraph(paragraph, boundaries);
            var sentenceStart = 0;
            boundaries.Add(paragraph.Length);
            foreach (var boundary in boundaries)
            {
                AddTrimmed(paragraph, start, sentenceStart, boundary, sentences);
                sentenceStart = boundary;
            }

            start = end;
        }
    }

    private static void AddTrimmed(ReadOnlySpan<char> paragraph, int offset, int from, int to, List<Range> sentences)
    {
        while (from < to && char.IsWhiteSpace(paragraph[from]))
        {
            from++;
        }

        while (to > from && char.IsWhiteSpace(paragraph[to - 1]))
        {
            to--;
        }

        if (to > from)
        {
            sentences.Add((offset + from)..(offset + to));
        }
    }

    // A paragraph ends after a blank line (two line breaks with only spaces between them).
    private static int ParagraphEnd(ReadOnlySpan<char> text, int start)
    {
        for (var i = start; i < text.Length; i++)
        {
            if (text[i] != '\n')
            {
                continue;
            }

            var j = i + 1;
            while (j < text.Length && text[j] is ' ' or '\t' or '\r')
            {
                j++;
            }

            if (j < text.Length && text[j] == '\n')
            {
                return j + 1;
            }
        }

        return text.Length;
    }

    // Records sentence boundaries (offsets after a sentence's last character). A quotation stays in one sentence:
    // one left open runs to the end of the paragraph, one closed but never opened began with the paragraph.
    private static void ScanParagraph(ReadOnlySpan<char> text, List<int> boundaries)
    {
        var depth = 0;
        var openedAt = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (IsQuote(c))
            {
                if (IsOpeningQuote(text, i))
                {
                    openedAt = depth == 0 ? i : openedAt;
                    depth++;
                }
                else if (depth > 0)
                {
                    depth--;
                }
                else
                {
                    boundaries.Clear();
                }

                i++;
                continue;
            }

            if (c == '\n')
            {
                if (depth == 0 && StartsNewLineSentence(text, i))
                {
                    boundaries.Add(i);
                }

                i++;
                continue;
            }

            if (c is not ('.' or '!' or '?' or '…'))
            {
                i++;
                continue;
            }

            var end = i;
            while (end < text.Length && text[end] is '.' or '!' or '?' or '…')
            {
                end++;
            }

            while (end < text.Length && IsClosingBracketOrQuote(text, end))
            {
                if (IsQuote(text[end]))
                {
                    if (depth > 0)
                    {
                        depth--;
                    }
                    else
                    {
                        boundaries.Clear();
                    }
                }

                end++;
            }

            if (depth == 0 && IsBoundary(text, i, end))
            {
                boundaries.Add(end);
            }

            i = end;
        }

        if (depth > 0)
        {
            boundaries.RemoveAll(boundary => boundary > openedAt);
        }
    }

    private static bool IsBoundary(ReadOnlySpan<char> text, int punctuation, int end)
    {
        if (end == text.Length)
        {
            return true;
        }

        if (!char.IsWhiteSpace(text[end]))
        {
            return false;
        }

        var next = end;
        while (next < text.Length && char.IsWhiteSpace(text[next]))
        {
            next++;
        }

        if (next == text.Length)
        {
            return true;
        }

        var single = text[punctuation] == '.' && (punctuation + 1 == text.Length || text[punctuation + 1] is not ('.' or '!' or '?' or '…'));
        return single ? AfterWord(text, punctuation, next) : StartsSentence(text, next, requireLetter: false);
    }

    private static bool AfterWord(ReadOnlySpan<char> text, int period, int next)
    {
        var wordStart = period;
        while (wordStart > 0 && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] is '.' or '-'))
        {
            wordStart--;
        }

        var word = text[wordStart..period].Trim('-');
        if (word.Length == 0)
        {
            return StartsSentence(text, next, requireLetter: false);
        }

        if (IsInitials(word))
        {
            return false;
        }

        var key = Tokenizer.Normalize(word);
        if (NeverFinal.Contains(key))
        {
            return false;
        }

        // "г." and "ж." after a year are "год"/"жыл" and may end a sentence; before a name, "г. Алматы" is a city.
        if (key is "г" or "ж")
        {
            return FollowsNumber(text, wordStart) && StartsSentence(text, next, requireLetter: true);
        }

        // A lone lowercase letter is an abbreviation too: "т. е.", "с. Каскелен".
        if (word.Length == 1 && char.IsLower(word[0]))
        {
            return false;
        }

        if (MaybeFinal.Contains(key))
        {
            return StartsSentence(text, next, requireLetter: true);
        }

        return StartsSentence(text, next, requireLetter: false);
    }

    // "А", "Н.Ә", "К.-Ж": one or more single capital letters joined by dots (and hyphens).
    private static bool IsInitials(ReadOnlySpan<char> word)
    {
        var letters = 0;
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (char.IsLetter(c))
            {
                if (!char.IsUpper(c) || (i + 1 < word.Length && char.IsLetter(word[i + 1])))
                {
                    return false;
                }

                letters++;
            }
        }

        return letters > 0;
    }

    private static bool FollowsNumber(ReadOnlySpan<char> text, int wordStart)
    {
        var i = wordStart - 1;
        while (i >= 0 && text[i] is ' ' or '\u00A0')
        {
            i--;
        }

        return i >= 0 && char.IsDigit(text[i]);
    }

    private static bool StartsSentence(ReadOnlySpan<char> text, int i, bool requireLetter)
    {
        var c = text[i];
        if (char.IsUpper(c))
        {
            return true;
        }

        if (IsQuote(c) || c is '(' or '[')
        {
            return i + 1 < text.Length && (char.IsUpper(text[i + 1]) || char.IsDigit(text[i + 1]));
        }

        if (IsDash(c))
        {
            // "«…», – деді ол": a dash and a lowercase word attribute the quotation; a capital starts a new line of dialogue.
            var j = i + 1;
            while (j < text.Length && char.IsWhiteSpace(text[j]))
            {
                j++;
            }

            return j < text.Length && !char.IsLower(text[j]);
        }

        return !requireLetter && char.IsDigit(c);
    }

    private static bool StartsNewLineSentence(ReadOnlySpan<char> text, int newline)
    {
        var previous = newline - 1;
        while (previous >= 0 && char.IsWhiteSpace(text[previous]))
        {
            previous--;
        }

        if (previous < 0 || text[previous] is ',' or ';' or '-' or '(')
        {
            return false;
        }

        var next = newline + 1;
        while (next < text.Length && char.IsWhiteSpace(text[next]))
        {
            next++;
        }

        return next < text.Length && (StartsSentence(text, next, requireLetter: false) || text[next] is '•' or '*');
    }

    private static bool IsDash(char c) => c is '–' or '—' or '-' or '―';

    private static bool IsQuote(char c) => c is '«' or '»' or '„' or '“' or '”' or '"';

    // « and „ always open, » always closes; the symmetric quotes open after a space or at the start.
    private static bool IsOpeningQuote(ReadOnlySpan<char> text, int i) => text[i] switch
    {
        '«' or '„' => true,
        '»' => false,
        _ => (i == 0 || char.IsWhiteSpace(text[i - 1]) || text[i - 1] is '(' or '[' or '«' or '„' or '–' or '—' or '-')
            && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]),
    };

    private static bool IsClosingBracketOrQuote(ReadOnlySpan<char> text, int i) =>
        text[i] is ')' or ']' || (IsQuote(text[i]) && !IsOpeningQuote(text, i));

    private static string CollapseWhiteSpace(ReadOnlySpan<char> text, StringBuilder builder)
    {
        builder.Clear();
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space && builder.Length > 0)
            {
                builder.Append(' ');
            }

            space = false;
            builder.Append(c);
        }

        return builder.ToString();
    }
}
