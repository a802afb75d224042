using DigestBot.Core.Articles;

namespace DigestBot.Core.Summaries;

/// <summary>A summary of an article body: the chosen sentences in their original order, and their text joined by spaces.</summary>
public sealed record Summary(string Text, IReadOnlyList<string> Sentences, Language Language, string Method);
