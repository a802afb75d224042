using DigestBot.Core.Articles;
using DigestBot.Core.Digests;
using DigestBot.Core.Rendering;

namespace DigestBot.Core.Tests.Digests;

public class DigestRendererTests
{
    private static readonly DigestWindow Window = new(
        new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.FromHours(5)),
        new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.FromHours(5)));

    private static readonly Dictionary<Language, DigestTexts> Texts = new()
    {
        [Language.Ru] = new("Дайджест новостей", "Также", new Dictionary<Language, string> { [Language.Kk] = "на казахском", [Language.En] = "на английском" }),
        [Language.Kk] = new("Жаңалықтар дайджесі", "Сондай-ақ", new Dictionary<Language, string> { [Language.Ru] = "орысша", [Language.En] = "ағылшынша" }),
        [Language.En] = new("News digest", "Also", new Dictionary<Language, string> { [Language.Ru] = "in Russian", [Language.Kk] = "in Kazakh" }),
    };

    [Theory]
    [InlineData(Language.Ru, "Дайджест новостей\nсуббота, 21 ноября")]
    [InlineData(Language.Kk, "Жаңалықтар дайджесі\n21 қараша, сенбі")]
    [InlineData(Language.En, "News digest\nSaturday, 21 November")]
    public void The_header_names_the_digest_and_its_day_in_the_readers_language(Language language, string header)
    {
        var html = Render(Compose(language, all: true), language).Single();

        TelegramHtml.ToPlainText(html).Should().StartWith(header + "\n\n1. ");
    }

    [Fact]
    public void A_window_ending_at_midnight_is_dated_by_its_last_day()
    {
        var window = new DigestWindow(Window.From.Date, Window.To.Date);

        window.Day.Should().Be(new DateOnly(2026, 11, 20));
        Window.Day.Should().Be(new DateOnly(2026, 11, 21));
    }

    [Fact]
    public void Items_are_numbered_with_linked_titles_sources_summaries_and_other_reports()
    {
        var digest = Compose(Language.Ru, all: true, maxItems: 40);
        var html = string.Concat(Render(digest, Language.Ru));
        var text = TelegramHtml.ToPlainText(html);

        html.Should().Contain("<b><a href=\"https://example.kz/1\">Нацбанк сохранил базовую ставку на уровне 16,5%</a></b>\n<i>Tengrinews</i>\n");
        html.Should().Contain("<i>Также: Kazinform (на казахском)</i>");
        text.Should().Contain($"\n\n{digest.Items.Count}. ");
        text.Should().NotContain($"\n\n{digest.Items.Count + 1}. ");
    }

    [Fact]
    public void A_summary_in_another_language_is_marked_and_user_text_is_escaped()
    {
        var article = new DigestCandidate(
            1, "Курс <тенге> & доллар", "Теңге бағамы <b>нығайды</b>.", Language.Kk, "Kazinform & Co", "javascript:alert(1)",
            Window.To.AddHours(-1), Window.To.AddHours(-1), [], "");
        var digest = DigestComposer.Compose([article], new DigestPreferences(Language.Ru) { AllLanguages = true }, Window)!;

        var html = Render(digest, Language.Ru).Single();

        html.Should().Contain("1. <b>Курс &lt;тенге&gt; &amp; доллар</b>\n<i>Kazinform &amp; Co</i>\nТеңге бағамы &lt;b&gt;нығайды&lt;/b&gt;. <i>(на казахском)</i>");
        TelegramHtmlValidator.Validate(html).IsValid.Should().BeTrue();
    }

    [Theory]
    [InlineData(Language.Ru)]
    [InlineData(Language.Kk)]
    [InlineData(Language.En)]
    public void Seven_long_items_are_split_into_valid_messages_within_telegrams_limit(Language language)
    {
        var articles = Enumerable.Range(1, 7).Select(i => new DigestCandidate(
            i,
            string.Join(" & ", Enumerable.Range(1, 40).Select(k => DigestComposerTests.Word(i, k))),
            string.Join(" ", Enumerable.Range(1, 60).Select(k => $"{DigestComposerTests.Word(i, 100 + k)} <{DigestComposerTests.Word(i, 200 + k)}>.")),
            language,
            $"Source {i}",
            $"https://example.kz/{i}?a=1&b=2",
            Window.To.AddHours(-i),
            Window.To.AddHours(-i),
            [],
            ""));
        var digest = DigestComposer.Compose(articles, new DigestPreferences(language), Window)!;

        var messages = Render(digest, language);

        messages.Should().HaveCountGreaterThan(1);
        messages.Should().OnlyContain(m => m.Length <= TelegramHtml.MaxMessageLength && TelegramHtmlValidator.Validate(m).IsValid);
        string.Concat(messages.Select(TelegramHtml.ToPlainText)).Should().Contain("7. ");
    }

    private static Digest Compose(Language language, bool all = false, int maxItems = DigestPreferences.DefaultMaxItems) =>
        DigestComposer.Compose(
            StoryCorpus.Articles.Select(a => a.Article),
            new DigestPreferences(language) { AllLanguages = all, MaxItems = maxItems },
            Window)!;

    private static IReadOnlyList<string> Render(Digest digest, Language language)
    {
        var messages = DigestRenderer.Render(digest, Texts[language]);
        messages.Should().OnlyContain(m => TelegramHtmlValidator.Validate(m).IsValid);
        return messages;
    }
}
