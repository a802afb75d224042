namespace DigestBot.Core.Rendering;

/// <summary>What one piece of Telegram HTML is.</summary>
internal enum HtmlTokenKind
{
    Text,
    Entity,
    StartTag,
    EndTag,
}

/// <summary>One attribute of a start tag; <see cref="Value"/> is decoded, null for a bare attribute such as <c>expandable</c>.</summary>
internal sealed record HtmlAttribute(string Name, string? Value);

/// <summary>A run of text, one entity or one tag, located by its raw span in the source.</summary>
/// <param name="Text">Decoded text for text and entity tokens; the tag name for tags.</param>
internal sealed record HtmlToken(HtmlTokenKind Kind, int Start, int Length, string Text, IReadOnlyList<HtmlAttribute> Attributes)
{
    public int End => Start + Length;
}
