using DigestBot.Core.Articles;
using DigestBot.Core.Search;

namespace DigestBot.Core.Tests.Search;

public class SearchAnalyzerTests
{
    [Theory]
    [InlineData("Тоқаев", "токаев")]
    [InlineData("ҚАЗАҚСТАН", "казакстан")]
    [InlineData("Ақтөбе", "актобе")]
    [InlineData("көкпар", "кокпар")]
    [InlineData("Ұлттық құрылтай", "улттык курылтай")]
    [InlineData("Түркістан", "туркистан")]
    [InlineData("жаңа", "жана")]
    [InlineData("ғылым", "гылым")]
    [InlineData("Һәм", "хам")]
    [InlineData("Ёлка", "елка")]
    [InlineData("Astana", "astana")]
    public void Folds_case_yo_and_Kazakh_letters(string text, string folded) =>
        SearchAnalyzer.Fold(text).Should().Be(folded);

    [Theory]
    [InlineData(Language.Ru, "Ассамблея", Language.Ru, "Ассамблеи")]
    [InlineData(Language.Ru, "ассамблея", Language.Kk, "Ассамблеясы")]
    [InlineData(Language.Ru, "Токаев", Language.Kk, "Тоқаев")]
    [InlineData(Language.Ru, "Токаева", Language.Ru, "Токаев")]
    [InlineData(Language.Ru, "корь", Language.Ru, "кори")]
    [InlineData(Language.Kk, "мектептер", Language.Kk, "мектеп")]
    [InlineData(Language.Kk, "Қазақстанның", Language.Kk, "Қазақстан")]
    [InlineData(Language.Ru, "боксёр", Language.Ru, "боксеры")]
    [InlineData(Language.En, "elections", Language.En, "election")]
    public void Forms_of_one_word_share_a_term(Language firstLanguage, string first, Language secondLanguage, string second) =>
        SearchAnalyzer.DocumentTerm(first, firstLanguage).Should().Be(SearchAnalyzer.DocumentTerm(second, secondLanguage));

    [Theory]
    [InlineData("Ассамблеясы", Language.Kk, "ассамблея")]
    [InlineData("Ассамблеи", Language.Ru, "ассамбле")]
    [InlineData("Тоқаев", Language.Kk, "токаев")]
    [InlineData("халкы", Language.Kk, "халк")]
    [InlineData("Казакстан", Language.Kk, "казакстан")]
    [InlineData("пенсия", Language.Ru, "пенс")]
    public void A_query_word_matches_the_term_its_documents_store(string queryWord, Language documentLanguage, string documentTerm)
    {
        SearchAnalyzer.QueryTerms(queryWord).Should().Contain(documentTerm);
        documentTerm.Should().BeOneOf(
            SearchAnalyzer.DocumentTerm(documentTerm, documentLanguage),
            SearchAnalyzer.DocumentTerm(queryWord, documentLanguage));
    }

    [Theory]
    [InlineData("и")]
    [InlineData("және")]
    [InlineData("the")]
    [InlineData("НЕ")]
    public void Stop_words_of_any_language_are_no_query_terms(string word) =>
        SearchAnalyzer.QueryTerms(word).Should().BeEmpty();

    [Fact]
    public void Documents_are_stored_as_space_separated_folded_stems_without_stop_words() =>
        SearchAnalyzer.AnalyzeDocument("Тоқаев и Ассамблея народа Казахстана", Language.Ru)
            .Should().Be("токаев ассамбле народ казахста");

    [Fact]
    public void Overlong_words_are_neither_indexed_nor_searched()
    {
        var junk = new string('ж', SearchAnalyzer.MaxTermLength + 1);

        SearchAnalyzer.AnalyzeDocument($"ассамблея {junk}", Language.Ru).Should().Be("ассамбле");
        SearchAnalyzer.QueryTerms(junk).Should().BeEmpty();
        SearchAnalyzer.QueryPrefix(junk).Should().BeNull();
    }

    [Theory]
    [InlineData("диплом", "диплом")]
    [InlineData("Дипломатия", "дипломат")]
    [InlineData("Қазақ", "казак")]
    [InlineData("ас", "ас")]
    [InlineData("ж", null)]
    public void Prefixes_are_folded_and_cut_back_only_to_a_long_stem(string word, string? prefix) =>
        SearchAnalyzer.QueryPrefix(word).Should().Be(prefix);
}
