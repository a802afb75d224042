using DigestBot.Core.Articles;
using DigestBot.Core.Text;

namespace DigestBot.Core.Tests.Text;

public class TokenizerAndStopWordsTests
{
    [Theory]
    [InlineData("Всё ЕЩЁ впереди!", new[] { "все", "еще", "впереди" })]
    [InlineData("Сондай-ақ ТМД-ға 30-летие", new[] { "сондай-ақ", "тмд-ға", "30-летие" })]
    [InlineData("1,142 оқылды, рейтинг 3.5.", new[] { "1,142", "оқылды", "рейтинг", "3.5" })]
    [InlineData("«AMANAT» – партия", new[] { "amanat", "партия" })]
    public void Tokenizes_into_lowercase_words(string text, string[] tokens) =>
        Tokenizer.Tokenize(text).Should().Equal(tokens);

    [Theory]
    [InlineData(Language.Ru, "и")]
    [InlineData(Language.Ru, "также")]
    [InlineData(Language.Ru, "ее")]
    [InlineData(Language.Kk, "және")]
    [InlineData(Language.Kk, "бойынша")]
    [InlineData(Language.Kk, "сондай-ақ")]
    [InlineData(Language.En, "the")]
    [InlineData(Language.En, "would")]
    public void Function_words_are_stop_words(Language language, string word) =>
        StopWords.For(language).Should().Contain(word);

    [Theory]
    [InlineData(Language.Ru, "казахстан")]
    [InlineData(Language.Kk, "қазақстан")]
    [InlineData(Language.Kk, "келісім")]
    [InlineData(Language.En, "government")]
    public void Content_words_are_not(Language language, string word) =>
        StopWords.For(language).Should().NotContain(word);

    [Fact]
    public void Lists_are_loaded_in_full()
    {
        StopWords.Russian.Count.Should().BeGreaterThan(500);
        StopWords.Kazakh.Count.Should().BeGreaterThan(100);
        StopWords.English.Count.Should().BeGreaterThan(100);
    }

    [Fact]
    public void Analyzer_drops_stop_words_and_stems() =>
        new TextAnalyzer(Language.Kk).Analyze("Қазақстан және ассамблеясының").Should().Equal("қазақстан", "ассамблея");
}
