using Humanizer;

namespace DigestBot.Core.Localization;

/// <summary>Shortens text for previews and button labels without cutting a word in half.</summary>
public static class TextTruncation
{
    public const string Ellipsis = "…";

    /// <summary>Returns <paramref name="text"/> if it fits in <paramref name="maxChars"/> UTF-16 units, else its longest
    /// whole-word prefix followed by "…" within that limit (a hard cut when the first word alone is too long).</summary>
    public static string Truncate(string text, int maxChars)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChars, 1);
        return text.Truncate(maxChars, Ellipsis, WordBoundaryTruncator.Instance);
    }

    /// <summary>Humanizer's truncators cut mid-word, count words, or (DynamicLengthAndPreserveWords) leave only "…" when the
    /// first word is too long; this one keeps whole words within a character budget and cuts a lone long word.</summary>
    private sealed class WordBoundaryTruncator : ITruncator
    {
        public static readonly WordBoundaryTruncator Instance = new();

        public string? Truncate(string? value, int length, string? truncationString, TruncateFrom truncateFrom = TruncateFrom.Right)
        {
            if (value is null || value.Length <= length)
            {
                return value;
            }

            var marker = truncationString ?? "";
            var room = Math.Max(0, length - marker.Length);
            var cut = room;
            while (cut > 0 && !char.IsWhiteSpace(value[cut]))
            {
                cut--;
            }

            if (cut == 0)
            {
                cut = room;
            }

            // Never leave half of a surrogate pair before the marker.
            if (cut > 0 && char.IsHighSurrogate(value[cut - 1]))
            {
                cut--;
            }

            return value[..cut].TrimEnd() + marker;
        }
    }
}
