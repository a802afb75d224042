using System.Buffers;
using System.Text;

namespace DigestBot.Core.Text;

/// <summary>Splits Russian, Kazakh and English news text into sentences, aware of initials, abbreviations (Text/Resources/abbreviations.txt), numbers, headings, lists, emoticons and quotes.</summary>
public static class SentenceSplitter
{
    // A quotation longer than this does not hold its sentences together: it is a long speech, or its quote mark is stray.
    private const int MaxHeldQuotation = 300;

    // A capitalised word of two or three letters without these is a shortened first name ("Дж.", "Вс.").
    private static readonly SearchValues<char> Vowels = SearchValues.Create("аеёиоуыэюяәөұүіaeiouy");

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
        var held = new List<int>();
        var start = 0;
        while (start < text.Length)
        {
            var end = ParagraphEnd(text, start);
            var paragraph = text[start..end];
            boundaries.Clear();
            ScanParagraph(paragraph, boundaries, held);
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
    // one left open runs to the end of the paragraph, one closed but never opened began with the paragraph; either
    // only up to MaxHeldQuotation characters.
    private static void ScanParagraph(ReadOnlySpan<char> text, List<int> boundaries, List<int> held)
    {
        held.Clear();
        var depth = 0;
        var openedAt = 0;
        var openParentheses = 0;
        var lastBoundary = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (IsQuote(c))
            {
                Quote(text, i);
                i++;
                continue;
            }

            if (EmoticonEnd(text, i, openParentheses) is var emoticon and > 0)
            {
                if (emoticon < text.Length && char.IsWhiteSpace(text[emoticon]) && NextSentenceStarts(text, emoticon, requireLetter: true))
                {
                    Add(emoticon);
                }

                i = emoticon;
                continue;
            }

            switch (c)
            {
                case '(':
                    openParentheses++;
                    break;
                case ')':
                    openParentheses = Math.Max(0, openParentheses - 1);
                    break;
                case '\n' when StartsNewLineSentence(text, i):
                    Add(i);
                    break;
                case ';' when ListItemFollows(text, i + 1):
                    Add(i + 1);
                    break;
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
                    Quote(text, end);
                }
                else
                {
                    openParentheses = Math.Max(0, openParentheses - 1);
                }

                end++;
            }

            if (IsBoundary(text, i, end, lastBoundary))
            {
                Add(end);
            }

            i = end;
        }

        if (depth > 0 && text.Length - openedAt > MaxHeldQuotation)
        {
            boundaries.AddRange(held);
        }

        void Add(int boundary)
        {
            (depth == 0 ? boundaries : held).Add(boundary);
            lastBoundary = boundary;
        }

        void Quote(ReadOnlySpan<char> text, int at)
        {
            if (IsOpeningQuote(text, at))
            {
                openedAt = depth == 0 ? at : openedAt;
                depth++;
            }
            else if (depth > 0)
            {
                depth--;
                if (depth == 0)
                {
                    if (at - openedAt > MaxHeldQuotation)
                    {
                        boundaries.AddRange(held);
                    }

                    held.Clear();
                }
            }
            else if (at <= MaxHeldQuotation)
            {
                boundaries.Clear();
            }
        }
    }

    private static bool IsBoundary(ReadOnlySpan<char> text, int punctuation, int end, int lastBoundary)
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
        return single ? AfterWord(text, punctuation, next, lastBoundary) : StartsSentence(text, next, requireLetter: false);
    }

    private static bool AfterWord(ReadOnlySpan<char> text, int period, int next, int lastBoundary)
    {
        var wordStart = period;
        while (wordStart > 0 && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] is '.' or '-'))
        {
            wordStart--;
        }

        // "4. Я…", "8.1. Зачем…", "§ 2. Права…", "IV. Итоги": a heading's number, not a sentence of its own.
        if (HeadingNumberStart(text, wordStart, period) is { } heading && AtSentenceStart(text, heading, lastBoundary))
        {
            return false;
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

        var key = AbbreviationKey(text, wordStart, word);
        if (Abbreviations.BeforeName.Contains(key))
        {
            return false;
        }

        // "12 янв. 2024 г.", "Jan. 5": a date goes on.
        if (Abbreviations.Months.Contains(key))
        {
            return !char.IsDigit(text[next]) && StartsSentence(text, next, requireLetter: true);
        }

        if (Abbreviations.MayEnd.Contains(key))
        {
            return StartsSentence(text, next, requireLetter: true);
        }

        // "1990-е.", "90-х.": the ending of a number, not an abbreviation.
        if (text[wordStart] == '-' && wordStart > 0 && char.IsDigit(text[wordStart - 1]))
        {
            return StartsSentence(text, next, requireLetter: false);
        }

        // A lone lowercase letter is an abbreviation ("т. е.", "с. Каскелен", "г. Алматы") unless it follows a number:
        // "в 2020 г.", "1995 ж.", "10 м." may end a sentence when a capitalised word follows.
        if (word.Length == 1 && char.IsLower(word[0]))
        {
            return FollowsNumber(text, wordStart) && StartsSentence(text, next, requireLetter: true);
        }

        // "к.п.н. И. П. Карташов", "Чарльз Дж. Филлипс": a degree before initials, a first name cut to its consonants.
        if ((IsDottedLowercase(word) && IsInitialAt(text, next)) || (IsShortenedName(word) && char.IsUpper(text[next])))
        {
            return false;
        }

        return StartsSentence(text, next, requireLetter: false);
    }

    // "т. п" is the spaced "т.п": lone lowercase letters before the word, each with its dot, join its key.
    private static string AbbreviationKey(ReadOnlySpan<char> text, int wordStart, ReadOnlySpan<char> word)
    {
        var key = Tokenizer.Normalize(word);
        if (word.Length != 1 || !char.IsLower(word[0]))
        {
            return key;
        }

        var start = wordStart;
        for (var parts = 1; parts < 4; parts++)
        {
            var dot = start - 1;
            while (dot >= 0 && text[dot] is ' ' or '\u00A0')
            {
                dot--;
            }

            if (dot < 1 || dot == start - 1 || text[dot] != '.' || !char.IsLower(text[dot - 1]) || (dot >= 2 && char.IsLetter(text[dot - 2])))
            {
                break;
            }

            key = Tokenizer.Normalize(text.Slice(dot - 1, 1)) + "." + key;
            start = dot - 1;
        }

        return key;
    }

    // Where a heading's number ("4", "8.1", "§ 2", "IV") ending at the period begins, or null when there is none.
    private static int? HeadingNumberStart(ReadOnlySpan<char> text, int wordStart, int period)
    {
        int start;
        if (wordStart < period)
        {
            if (!IsRoman(text[wordStart..period]))
            {
                return null;
            }

            start = wordStart;
        }
        else
        {
            start = period;
            while (start > 0 && (char.IsAsciiDigit(text[start - 1]) || (text[start - 1] == '.' && start - 1 > 0 && char.IsAsciiDigit(text[start - 2]))))
            {
                start--;
            }

            if (start == period || period - start > 8)
            {
                return null;
            }

            var section = start;
            while (section > 0 && text[section - 1] is ' ' or '\u00A0')
            {
                section--;
            }

            if (section > 0 && text[section - 1] == '§')
            {
                return section - 1;
            }
        }

        return start == 0 || char.IsWhiteSpace(text[start - 1]) ? start : null;
    }

    private static bool IsRoman(ReadOnlySpan<char> word) =>
        word.Length is > 0 and <= 6 && !word.ContainsAnyExcept("IVXLCDM");

    // Only white space between the position and the start of the line or the end of the sentence before.
    private static bool AtSentenceStart(ReadOnlySpan<char> text, int position, int lastBoundary)
    {
        var j = position - 1;
        while (j >= 0 && text[j] is ' ' or '\t' or '\r' or '\u00A0')
        {
            j--;
        }

        return j < 0 || text[j] == '\n' || j + 1 == lastBoundary;
    }

    // "к.п.н", "д.э.н": lowercase letters joined by dots.
    private static bool IsDottedLowercase(ReadOnlySpan<char> word) =>
        word.Contains('.') && char.IsLetter(word[0]) && AllLowercaseLetters(word);

    private static bool AllLowercaseLetters(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (char.IsLetter(c) && !char.IsLower(c))
            {
                return false;
            }
        }

        return true;
    }

    // "И." or "Н.Ә." begins at the position.
    private static bool IsInitialAt(ReadOnlySpan<char> text, int i) =>
        char.IsUpper(text[i]) && i + 1 < text.Length && text[i + 1] == '.';

    // "Дж", "Вс", "Вл": a capital and one or two consonants, too short and vowelless to be a word.
    private static bool IsShortenedName(ReadOnlySpan<char> word) =>
        word.Length is 2 or 3 && char.IsUpper(word[0]) && AllLowercaseLetters(word[1..]) && !word[1..].ContainsAny(Vowels) && !word.Contains('.');

    // "2) отчуждать", "б) отозвать": the marker of a list's next item.
    private static bool ListItemFollows(ReadOnlySpan<char> text, int i)
    {
        var start = i;
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        if (i == start || i == text.Length)
        {
            return false;
        }

        var marker = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]) && i - marker < 2)
        {
            i++;
        }

        if (i == marker && char.IsLower(text[i]))
        {
            i++;
        }

        return i > marker && i + 1 < text.Length && text[i] == ')' && char.IsWhiteSpace(text[i + 1]);
    }

    // ":)", ";-)", ":((", "))": the offset after an emoticon starting at i, or 0 when there is none. A run of ")" after
    // a word is a smile only while no parenthesis is open.
    private static int EmoticonEnd(ReadOnlySpan<char> text, int i, int openParentheses)
    {
        var j = i;
        if (text[i] is ':' or ';' or '=')
        {
            if (i > 0 && !char.IsWhiteSpace(text[i - 1]) && !char.IsLetter(text[i - 1]))
            {
                return 0;
            }

            j++;
            if (j < text.Length && text[j] == '-')
            {
                j++;
            }

            var eyes = j;
            while (j < text.Length && text[j] is ')' or '(')
            {
                j++;
            }

            return j > eyes && (j == text.Length || char.IsWhiteSpace(text[j])) ? j : 0;
        }

        if (text[i] != ')' || openParentheses > 0 || i == 0 || !char.IsLetter(text[i - 1]))
        {
            return 0;
        }

        while (j < text.Length && text[j] == ')')
        {
            j++;
        }

        return j - i >= 2 && (j == text.Length || char.IsWhiteSpace(text[j])) ? j : 0;
    }

    private static bool NextSentenceStarts(ReadOnlySpan<char> text, int end, bool requireLetter)
    {
        var next = end;
        while (next < text.Length && char.IsWhiteSpace(text[next]))
        {
            next++;
        }

        return next < text.Length && StartsSentence(text, next, requireLetter);
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
