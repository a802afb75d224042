using DigestBot.Core.Articles;

namespace DigestBot.Core.Digests;

/// <summary>The words of a digest message in the reader's language, as the host's localized resources hold them.</summary>
/// <param name="Title">"Дайджест новостей", "Жаңалықтар дайджесі", "News digest".</param>
/// <param name="AlsoReported">The lead-in of the line naming other reports of a story: "Также", "Сондай-ақ", "Also".</param>
/// <param name="SummaryIn">The marker after a summary in another language, per that language: "на казахском", "in Kazakh".</param>
public sealed record DigestTexts(string Title, string AlsoReported, IReadOnlyDictionary<Language, string> SummaryIn);
