using DigestBot.Core.Articles;
using DigestBot.Core.Rendering;
using DigestBot.Core.Search;

namespace DigestBot.Core.Tests.Search;

public class SearchSnippetTests
{
    [Fact]
    public void Highlights_inflected_and_folded_forms_in_the_original_text() =>
        SearchSnippet.Build(SearchQuery.Parse("Токаев ассамблея"), Language.Ru, "Президент Тоқаев выступил на сессии Ассамблеи народа.")
            .Should().Be("Президент <b>Тоқаев</b> выступил на сессии <b>Ассамблеи</b> народа.");

    [Fact]
    public void Escapes_html_in_the_text_and_in_matched_words()
    {
        var snippet = SearchSnippet.Build(SearchQuery.Parse("корь"), Language.Ru, "<script>alert('корь')</script> & <b>корь</b> > 5");

        snippet.Should().Be("&lt;script&gt;alert('<b>корь</b>')&lt;/script&gt; &amp; &lt;b&gt;<b>корь</b>&lt;/b&gt; &gt; 5");
        TelegramHtmlValidator.Validate(snippet).IsValid.Should().BeTrue();
    }

    [Fact]
    public void Picks_the_passage_with_most_query_words_and_cuts_at_word_boundaries()
    {
        var filler = string.Join(' ', Enumerable.Repeat("Погода в городе была ясной и тёплой.", 20));
        var text = $"{filler} Вакцинация от кори охватила всех детей.\n\n{filler}";

        var snippet = SearchSnippet.Build(SearchQuery.Parse("корь дети"), Language.Ru, text);

        snippet.Should().StartWith("…").And.EndWith("…");
        snippet.Should().Contain("<b>кори</b> охватила всех <b>детей</b>");
        TelegramHtml.VisibleLength(snippet).Should().BeLessThanOrEqualTo(SearchSnippet.TargetLength + 2);
        TelegramHtml.ToPlainText(snippet).Trim('…').Split(' ').Should().OnlyContain(word => text.Contains(word));
    }

    [Fact]
    public void Takes_the_text_with_the_best_passage_and_falls_back_to_the_start()
    {
        SearchSnippet.Build(SearchQuery.Parse("тюлени"), Language.Ru, "Ничего по теме.", "Каспийские тюлени вернулись.")
            .Should().Be("Каспийские <b>тюлени</b> вернулись.");
        SearchSnippet.Build(SearchQuery.Parse("тюлени"), Language.Ru, "Ничего\n\nпо теме.", null)
            .Should().Be("Ничего по теме.");
    }

    [Fact]
    public void Excluded_words_are_not_highlighted() =>
        SearchSnippet.Build(SearchQuery.Parse("корь -дети"), Language.Ru, "Корь у детей.")
            .Should().Be("<b>Корь</b> у детей.");
}
