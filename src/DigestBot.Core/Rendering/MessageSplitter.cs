using System.Text;

namespace DigestBot.Core.Rendering;

/// <summary>Splits a long Telegram HTML reply into parts that are each valid on their own and short enough to send.</summary>
public static class MessageSplitter
{
    // Cut preferences, best first; a cut of kind k sits right after the boundary it names.
    private const int Paragraph = 0;
    private const int LineBreak = 1;
    private const int SentenceEnd = 2;
    private const int Space = 3;
    private const int BoundaryKinds = 4;

    /// <summary>Splits <paramref name="html"/> into parts of at most <paramref name="maxLength"/> UTF-16 units of raw HTML.</summary>
    /// <remarks>Cuts at the last paragraph break, line break, sentence end or space in the back half of a part, in that order
    /// of preference, then anywhere in the part, and only then mid-word; never inside a tag, an entity, a surrogate pair or a
    /// custom emoji. Tags open at a cut are closed and reopened with the same attributes. White space at cuts is dropped.</remarks>
    /// <exception cref="ArgumentException">The input is not valid Telegram HTML, or its tags alone do not fit in <paramref name="maxLength"/>.</exception>
    public static IReadOnlyList<string> Split(string html, int maxLength = TelegramHtml.MaxMessageLength)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        var (isValid, error) = TelegramHtmlValidator.Validate(html);
        if (!isValid)
        {
            throw new ArgumentException($"Cannot split invalid Telegram HTML: {error}", nameof(html));
        }

        if (html.Length <= maxLength)
        {
            return [html];
        }

        HtmlTokenizer.TryTokenize(html, out var tokens, out _);
        return new Cutter(html, tokens, maxLength).Cut();
    }

    private sealed class Cutter
    {
        private readonly string html;
        private readonly List<HtmlToken> tokens;
        private readonly int[] tokenAt;
        private readonly int maxLength;

        public Cutter(string html, List<HtmlToken> tokens, int maxLength)
        {
            this.html = html;
            this.tokens = tokens;
            this.maxLength = maxLength;
            tokenAt = new int[html.Length];
            for (var t = 0; t < tokens.Count; t++)
            {
                Array.Fill(tokenAt, t, tokens[t].Start, tokens[t].Length);
            }
        }

        public List<string> Cut()
        {
            var parts = new List<string>();
            var open = new List<HtmlToken>();
            var start = SkipForward(0, open);
            while (start < html.Length)
            {
                var prefix = string.Concat(open.Select(t => html.AsSpan(t.Start, t.Length).ToString()));
                if (prefix.Length + html.Length - start <= maxLength)
                {
                    parts.Add(prefix + html[start..]);
                    break;
                }

                var cut = FindCut(start, open, maxLength - prefix.Length);
                var atCut = Advance(start, open, cut);
                var end = TrimBack(start, cut, atCut, out var atEnd);
                if (end > start)
                {
                    parts.Add(prefix + html[start..end] + Closers(atEnd));
                }

                open = atCut;
                start = SkipForward(cut, open);
            }

            return parts;
        }

        private int FindCut(int start, List<HtmlToken> open, int budget)
        {
            var best = new int[BoundaryKinds];
            Array.Fill(best, -1);
            var lastFeasible = -1;
            var stack = new List<HtmlToken>(open);
            var closersLength = ClosersLength(stack);

            for (var t = tokenAt[start]; t < tokens.Count && tokens[t].Start - start < budget; t++)
            {
                var token = tokens[t];
                if (token.Kind == HtmlTokenKind.Text)
                {
                    for (var c = Math.Max(start, token.Start) + 1; c <= token.End && c - start <= budget; c++)
                    {
                        if (c - start + closersLength <= budget && CanCutAt(c, stack))
                        {
                            lastFeasible = c;
                            var kind = Classify(c);
                            if (kind < BoundaryKinds)
                            {
                                best[kind] = c;
                            }
                        }
                    }

                    continue;
                }

                if (token.Kind == HtmlTokenKind.StartTag)
                {
                    stack.Add(token);
                    closersLength += token.Text.Length + 3;
                }
                else if (token.Kind == HtmlTokenKind.EndTag)
                {
                    stack.RemoveAt(stack.Count - 1);
                    closersLength -= token.Text.Length + 3;
                }

                if (token.End - start + closersLength <= budget && CanCutAt(token.End, stack))
                {
                    lastFeasible = token.End;
                }
            }

            var half = start + (budget / 2);
            var preferred = best.Where(c => c >= half).DefaultIfEmpty(-1).First();
            var anywhere = best.Where(c => c > start).DefaultIfEmpty(-1).First();
            var cut = preferred > start ? preferred : anywhere > start ? anywhere : lastFeasible;
            return cut > start
                ? cut
                : throw new ArgumentException($"The markup open at position {start} leaves no room for text within {maxLength} characters.");
        }

        // Splitting a custom emoji's fallback text would leave two halves of one picture.
        private bool CanCutAt(int c, List<HtmlToken> stack) =>
            c == html.Length
            || (!(char.IsHighSurrogate(html[c - 1]) && char.IsLowSurrogate(html[c])) && !stack.Exists(t => t.Text == "tg-emoji"));

        private int Classify(int c)
        {
            if (!IsText(c - 1) || !char.IsWhiteSpace(html[c - 1]))
            {
                return BoundaryKinds;
            }

            var previous = c >= 2 ? html[c - 2] : '\0';
            return html[c - 1] switch
            {
                '\n' when previous == '\n' => Paragraph,
                '\n' => LineBreak,
                _ when previous is '.' or '!' or '?' or '…' => SentenceEnd,
                _ => Space,
            };
        }

        // The tags open at `to`, given those open at `from`.
        private List<HtmlToken> Advance(int from, List<HtmlToken> open, int to)
        {
            var stack = new List<HtmlToken>(open);
            for (var t = tokenAt[from]; t < tokens.Count && tokens[t].End <= to; t++)
            {
                if (tokens[t].Kind == HtmlTokenKind.StartTag)
                {
                    stack.Add(tokens[t]);
                }
                else if (tokens[t].Kind == HtmlTokenKind.EndTag)
                {
                    stack.RemoveAt(stack.Count - 1);
                }
            }

            return stack;
        }

        // Drops white space and freshly opened tags before a cut, so no part ends with "<b></b>" or a trailing blank.
        private int TrimBack(int start, int end, List<HtmlToken> open, out List<HtmlToken> atEnd)
        {
            atEnd = new List<HtmlToken>(open);
            while (end > start)
            {
                if (IsText(end - 1) && char.IsWhiteSpace(html[end - 1]))
                {
                    end--;
                }
                else if (tokens[tokenAt[end - 1]] is { Kind: HtmlTokenKind.StartTag } tag && tag.Start >= start)
                {
                    end = tag.Start;
                    atEnd.RemoveAt(atEnd.Count - 1);
                }
                else
                {
                    break;
                }
            }

            return end;
        }

        // Skips white space and closing tags at the start of a part, so none begins with a blank or "<b></b>".
        private int SkipForward(int start, List<HtmlToken> open)
        {
            while (start < html.Length)
            {
                if (IsText(start) && char.IsWhiteSpace(html[start]))
                {
                    start++;
                }
                else if (tokens[tokenAt[start]] is { Kind: HtmlTokenKind.EndTag } tag)
                {
                    start = tag.End;
                    open.RemoveAt(open.Count - 1);
                }
                else
                {
                    break;
                }
            }

            return start;
        }

        private bool IsText(int index) => tokens[tokenAt[index]].Kind == HtmlTokenKind.Text;

        private static int ClosersLength(List<HtmlToken> open) => open.Sum(t => t.Text.Length + 3);

        private static string Closers(List<HtmlToken> open)
        {
            var closers = new StringBuilder();
            for (var i = open.Count - 1; i >= 0; i--)
            {
                closers.Append("</").Append(open[i].Text).Append('>');
            }

            return closers.ToString();
        }
    }
}
