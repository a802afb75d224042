namespace DigestBot.Core.Pages;

/// <summary>What a news page says about its article: the text and the metadata the page states.</summary>
/// <param name="Title">Plain text, without the site name some pages append to it.</param>
/// <param name="Paragraphs">The article's own paragraphs as plain text, in order: list items and subheadings each their own paragraph, no page chrome.</param>
/// <param name="CanonicalUrl">Absolute http or https address the page names as its own.</param>
/// <param name="ImageUrl">Absolute http or https address of the page's lead image.</param>
/// <param name="Language">The primary language subtag in lowercase, such as "ru", "kk" or "en".</param>
public sealed record PageArticle(string? Title, IReadOnlyList<string> Paragraphs, string? CanonicalUrl, string? ImageUrl,
    DateTimeOffset? PublishedAt, string? SiteName, string? Language);
