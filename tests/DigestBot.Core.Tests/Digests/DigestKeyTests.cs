using DigestBot.Core.Articles;
using DigestBot.Core.Digests;

namespace DigestBot.Core.Tests.Digests;

public class DigestKeyTests
{
    private static readonly DigestWindow Window = new(
        new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.FromHours(5)),
        new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.FromHours(5)));

    private static readonly DigestPreferences Base = new(Language.Ru)
    {
        Topics = ["economy", "politics"],
        Filter = DigestFilter.Parse("+нефть -футбол").Filter,
    };

    public static TheoryData<string, DigestPreferences, DigestWindow, bool> Cases => new()
    {
        { "the same preferences", Base with { }, Window, true },
        { "topics in another order, repeated", Base with { Topics = ["politics", "economy", "politics"] }, Window, true },
        { "filter words typed in another order and case", Base with { Filter = DigestFilter.Parse("-Футбол, Нефть").Filter }, Window, true },
        { "the default cap spelled out", Base with { MaxItems = 7 }, Window, true },
        { "another language", Base with { Language = Language.Kk }, Window, false },
        { "another topic", Base with { Topics = ["economy"] }, Window, false },
        { "another filter", Base with { Filter = DigestFilter.Parse("+нефть").Filter }, Window, false },
        { "another cap", Base with { MaxItems = 5 }, Window, false },
        { "all languages", Base with { AllLanguages = true }, Window, false },
        { "another window", Base, new DigestWindow(Window.From.AddDays(1), Window.To.AddDays(1)), false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Chats_with_equal_keys_share_one_digest(string change, DigestPreferences preferences, DigestWindow window, bool equal)
    {
        var key = DigestKey.For(Base, Window);
        var other = DigestKey.For(preferences, window);

        (key == other).Should().Be(equal, change);
        if (equal)
        {
            other.GetHashCode().Should().Be(key.GetHashCode(), change);
        }
    }

    [Fact]
    public void The_digest_carries_its_key() =>
        DigestComposer.Compose(StoryCorpus.Articles.Select(a => a.Article), Base with { Topics = [] }, Window)?.Key
            .Should().Be(DigestKey.For(Base with { Topics = [] }, Window));
}
