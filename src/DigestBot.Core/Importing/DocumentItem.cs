namespace DigestBot.Core.Importing;

/// <summary>One article's text as a format reader found it, still uncleaned, with whatever the document states about it.</summary>
/// <param name="Label">How problems name the item: "line 3", "item 2".</param>
internal sealed record DocumentItem(string ItemKey, string Label, ArticleMetadata Metadata, IReadOnlyList<string> Paragraphs);
