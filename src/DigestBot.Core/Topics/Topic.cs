using DigestBot.Core.Articles;

namespace DigestBot.Core.Topics;

/// <summary>A subject articles are tagged with, named in every language.</summary>
/// <param name="Id">A short ASCII slug; it travels in callback data.</param>
public sealed record Topic(
    string Id,
    IReadOnlyDictionary<Language, string> Names,
    IReadOnlyDictionary<Language, IReadOnlyList<string>> Aliases,
    IReadOnlyDictionary<Language, IReadOnlyList<string>> Keywords)
{
    public string Name(Language language) =>
        Names.TryGetValue(language, out var name) ? name : Names.GetValueOrDefault(Language.En, Id);
}
