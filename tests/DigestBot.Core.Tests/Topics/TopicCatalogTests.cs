using DigestBot.Core.Articles;
using DigestBot.Core.Importing;
using DigestBot.Core.Tests.Importing;
using DigestBot.Core.Topics;

namespace DigestBot.Core.Tests.Topics;

public class TopicCatalogTests
{
    private static readonly TopicCatalog Catalog = TopicCatalog.Parse(File.ReadAllText(Path.Combine(SeedFiles.Folder, "topics.json")));

    [Theory]
    [InlineData("Политика", "politics")]
    [InlineData("ПОЛИТИКА", "politics")]
    [InlineData("саясат", "politics")]
    [InlineData("Politics", "politics")]
    [InlineData("politics", "politics")]
    [InlineData("  Спорт ", "sport")]
    [InlineData("власть", "politics")]
    public void A_topic_is_found_by_any_name_or_alias_in_any_case(string name, string id) =>
        Catalog.Find(name)!.Id.Should().Be(id);

    [Theory]
    [InlineData("политикка", "politics")]
    [InlineData("спорд", "sport")]
    [InlineData("экономик", "economy")]
    public void An_unknown_name_suggests_the_nearest_topics(string name, string id) =>
        Catalog.Nearest(name).Select(t => t.Id).Should().Contain(id);

    [Fact]
    public void Nonsense_suggests_nothing() => Catalog.Nearest("qwzxqwzxqwzx").Should().BeEmpty();

    [Fact]
    public void Every_topic_has_a_name_in_each_language_and_a_short_id()
    {
        Catalog.All.Should().HaveCountGreaterThanOrEqualTo(12);
        foreach (var topic in Catalog.All)
        {
            LanguageCodes.All.Should().OnlyContain(l => topic.Names.ContainsKey(l), topic.Id);
            topic.Id.Length.Should().BeLessThanOrEqualTo(24);
        }
    }

    [Theory]
    [InlineData("not json", "not valid topics JSON")]
    [InlineData("""{"topics":[{"id":"a b"}]}""", "id must be")]
    [InlineData("""{"topics":[{"id":"x"},{"id":"X"}]}""", "unique")]
    public void A_broken_catalogue_is_refused_with_the_reason(string json, string reason) =>
        FluentActions.Invoking(() => TopicCatalog.Parse(json)).Should().Throw<FormatException>().WithMessage($"*{reason}*");

    [Theory]
    [InlineData("000_865274db1c5f6df9.txt", "society")]
    [InlineData("001_82a8f7a0c48d4e39.txt", "society", "politics")]
    [InlineData("002_bb976cd12282bddc.txt", "society")]
    [InlineData("003_df342e71ac7386e8.txt", "society")]
    [InlineData("004_96aa271022c17038.txt", "international")]
    public void The_seeds_are_tagged_with_what_they_are_about(string seed, params string[] expected)
    {
        var draft = new DocumentReader().Read(seed, SeedFiles.Read(seed)).Articles.Single();

        var topics = new TopicTagger(Catalog).Tag(draft.Title, draft.Body);

        topics.Should().Contain(expected);
        topics.Should().HaveCountLessThanOrEqualTo(3);
    }

    [Fact]
    public void Text_without_keywords_gets_no_topic() =>
        new TopicTagger(Catalog).Tag("Погода", "Сегодня тепло и солнечно, ветер слабый.").Should().BeEmpty();
}
