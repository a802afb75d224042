using DigestBot.Core.Articles;
using DigestBot.Core.Digests;

namespace DigestBot.Core.Tests.Digests;

public class DigestComposerTests
{
    private static readonly DigestWindow Window = new(
        new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.FromHours(5)),
        new DateTimeOffset(2026, 11, 21, 0, 0, 0, TimeSpan.FromHours(5)));

    private static IEnumerable<DigestCandidate> Corpus => StoryCorpus.Articles.Select(a => a.Article);

    [Fact]
    public void Nothing_new_in_the_window_gives_no_digest()
    {
        var later = new DigestWindow(Window.To.AddDays(2), Window.To.AddDays(3));

        DigestComposer.Compose(Corpus, new DigestPreferences(Language.Ru) { AllLanguages = true }, later).Should().BeNull();
        DigestComposer.Compose([], new DigestPreferences(Language.Ru), Window).Should().BeNull();
    }

    [Fact]
    public void A_filter_nothing_matches_gives_no_digest() =>
        DigestComposer.Compose(Corpus, new DigestPreferences(Language.Ru) { Filter = DigestFilter.Parse("+криптовалюта").Filter }, Window)
            .Should().BeNull();

    [Theory]
    [InlineData(Language.Ru)]
    [InlineData(Language.Kk)]
    public void Without_all_languages_only_the_readers_language_is_shown(Language reader)
    {
        var digest = DigestComposer.Compose(Corpus, new DigestPreferences(reader), Window)!;

        digest.Items.Should().HaveCount(DigestPreferences.DefaultMaxItems);
        digest.Items.Should().OnlyContain(item => item.Article.Language == reader);
    }

    [Fact]
    public void With_all_languages_the_readers_language_comes_first()
    {
        var russian = Corpus.Where(c => c.Language == Language.Ru).Take(2);
        var kazakh = Corpus.Where(c => c.Language == Language.Kk && c.Id is 6 or 26 or 36);

        var digest = DigestComposer.Compose(kazakh.Concat(russian), new DigestPreferences(Language.Ru) { AllLanguages = true }, Window)!;

        digest.Items.Select(i => i.Article.Language).Should().Equal(Language.Ru, Language.Ru, Language.Kk, Language.Kk, Language.Kk);
    }

    [Theory]
    [InlineData(Language.Ru, 1, 2)]
    [InlineData(Language.Kk, 2, 1)]
    public void One_story_in_two_languages_is_shown_once_in_the_readers_language(Language reader, long shown, long mentioned)
    {
        var digest = DigestComposer.Compose(Corpus, new DigestPreferences(reader) { AllLanguages = true, MaxItems = 30 }, Window)!;

        var item = digest.Items.Single(i => i.Article.Id == shown || i.AlsoReported.Any(a => a.Id == shown));
        item.Article.Id.Should().Be(shown);
        item.AlsoReported.Select(a => a.Id).Should().Equal(mentioned);
        digest.Items.Should().HaveCount(StoryCorpus.Articles.Select(a => a.Story).Distinct().Count());
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 3)]
    [InlineData(7, 7)]
    [InlineData(50, 50)]
    [InlineData(80, 60)]
    public void The_digest_is_capped_at_max_items(int maxItems, int expected)
    {
        var candidates = Enumerable.Range(1, 60).Select(i => Generated(i, $"Source {i % 10}", Window.From.AddMinutes(i * 20)));

        DigestComposer.Compose(candidates, new DigestPreferences(Language.Ru) { MaxItems = maxItems }, Window)!.Items.Should().HaveCount(expected);
    }

    [Fact]
    public void Newer_stories_rank_first()
    {
        var candidates = Enumerable.Range(1, 10).Select(i => Generated(i, $"Source {i}", Window.From.AddHours(i)));

        var digest = DigestComposer.Compose(candidates, new DigestPreferences(Language.Ru) { MaxItems = 3 }, Window)!;

        digest.Items.Select(i => i.Article.Id).Should().Equal(10, 9, 8);
    }

    [Fact]
    public void One_source_gives_at_most_two_items_while_others_have_stories()
    {
        var busy = Enumerable.Range(1, 6).Select(i => Generated(i, "Tengrinews", Window.To.AddMinutes(-i)));
        var quiet = Enumerable.Range(7, 3).Select(i => Generated(i, $"Source {i}", Window.From.AddHours(i)));

        var digest = DigestComposer.Compose(busy.Concat(quiet), new DigestPreferences(Language.Ru) { MaxItems = 5 }, Window)!;
        var alone = DigestComposer.Compose(busy, new DigestPreferences(Language.Ru) { MaxItems = 5 }, Window)!;

        digest.Items.Select(i => i.Article.Id).Should().Equal(1, 2, 9, 8, 7);
        alone.Items.Should().HaveCount(5, "with no other source the digest is still filled");
    }

    [Fact]
    public void Topics_and_filters_narrow_the_digest()
    {
        var candidates = Enumerable.Range(1, 8).Select(i => Generated(i, $"S{i}", Window.From.AddHours(i)) with
        {
            Topics = i % 2 == 0 ? ["economy"] : ["sport"],
            Title = i % 4 == 0 ? $"Цены на нефть и {Word(i, 20)}" : $"Сборная и {Word(i, 20)}",
        });

        var economy = DigestComposer.Compose(candidates, new DigestPreferences(Language.Ru) { Topics = ["economy"] }, Window)!;
        var oil = DigestComposer.Compose(candidates, new DigestPreferences(Language.Ru) { Filter = DigestFilter.Parse("+нефти").Filter }, Window)!;
        var noOil = DigestComposer.Compose(candidates, new DigestPreferences(Language.Ru) { Filter = DigestFilter.Parse("-нефтью").Filter }, Window)!;

        economy.Items.Select(i => i.Article.Id).Should().Equal(8, 6, 4, 2);
        oil.Items.Select(i => i.Article.Id).Should().Equal(8, 4);
        noOil.Items.Select(i => i.Article.Id).Should().Equal(7, 6, 5, 3, 2, 1);
    }

    [Fact]
    public void Articles_imported_in_the_window_count_as_new()
    {
        var old = Generated(1, "S", Window.From.AddDays(-3)) with { ImportedAt = Window.From.AddHours(2) };
        var outside = Generated(2, "S", Window.From.AddDays(-3)) with { ImportedAt = Window.From.AddDays(-3) };

        DigestComposer.Compose([old, outside], new DigestPreferences(Language.Ru), Window)!.Items.Select(i => i.Article.Id).Should().Equal(1);
    }

    // Each generated article has words of its own, so that none of them looks like another's near duplicate.
    private static DigestCandidate Generated(long id, string source, DateTimeOffset published) => new(
        id,
        $"{Word(id, 1)} {Word(id, 2)} {Word(id, 3)} {Word(id, 4)}",
        $"{Word(id, 5)} {Word(id, 6)} {Word(id, 7)} {Word(id, 8)} {Word(id, 9)}, {Word(id, 10)} {Word(id, 11)} {Word(id, 12)} и {Word(id, 13)}.",
        Language.Ru,
        source,
        $"https://example.kz/news/{id}",
        published,
        published,
        [],
        $"{Word(id, 14)} {Word(id, 15)} {Word(id, 16)} {Word(id, 17)}.");

    internal static string Word(long id, int k)
    {
        string[] syllables = ["ка", "ро", "ми", "ту", "ле", "са", "ви", "но", "да", "пу", "ше", "зо"];
        var n = (id * 131) + (k * 7);
        var word = "";
        for (var i = 0; i < 4; i++, n /= syllables.Length)
        {
            word += syllables[n % syllables.Length];
        }

        return word + "р";
    }
}
