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
    [InlineData(Language.Ru, "Ассамблея", "Ассамблеи")]
    [InlineData(Language.Ru, "Токаев", "Токаева")]
    [InlineData(Language.Ru, "корь", "кори")]
    [InlineData(Language.Ru, "боксёр", "боксеры")]
    [InlineData(Language.Kk, "мектептер", "мектеп")]
    [InlineData(Language.Kk, "Қазақстанның", "Қазақстан")]
    [InlineData(Language.En, "elections", "election")]
    public void Forms_of_one_word_share_a_document_term(Language language, string first, string second) =>
        SearchAnalyzer.DocumentTerm(first, language).Should().Be(SearchAnalyzer.DocumentTerm(second, language));

    [Theory]
    [InlineData("ассамблея", Language.Ru, "Ассамблеи")]
    [InlineData("ассамблея", Language.Kk, "Ассамблеясы")]
    [InlineData("Ассамблеи", Language.Ru, "ассамблея")]
    [InlineData("Ассамблеясы", Language.Kk, "ассамблеяның")]
    [InlineData("Токаев", Language.Kk, "Тоқаев")]
    [InlineData("Токаев", Language.Ru, "Токаеву")]
    [InlineData("Тоқаев", Language.Ru, "Токаева")]
    [InlineData("Казакстан", Language.Kk, "Қазақстанның")]
    [InlineData("Казахстан", Language.Kk, "Қазақстан")]
    [InlineData("халкы", Language.Kk, "халқы")]
    [InlineData("кокпар", Language.Kk, "көкпар")]
    [InlineData("пенсия", Language.Ru, "пенсии")]
    [InlineData("Тоқаев", Language.Kk, "Тоқаевтың")]
    [InlineData("Тоқаевтың", Language.Ru, "Токаева")]
    [InlineData("Астанада", Language.Ru, "Астане")]
    [InlineData("Туркестан", Language.Kk, "Түркістан")]
    [InlineData("Мангистау", Language.Kk, "Маңғыстау")]
    [InlineData("Костанайская", Language.Kk, "Қостанай")]
    [InlineData("Қостанай", Language.Ru, "Костанайской")]
    [InlineData("Қарағанды", Language.Ru, "Карагандинской")]
    [InlineData("казахстанские", Language.Kk, "қазақстандық")]
    [InlineData("компании", Language.Kk, "компаниялардың")]
    [InlineData("Kazakhstan", Language.Ru, "Казахстана")]
    [InlineData("Астана", Language.En, "Astana")]
    [InlineData("корь", Language.Kk, "қызылшаға")]
    [InlineData("курултай", Language.Kk, "құрылтайдың")]
    [InlineData("growth", Language.Ru, "рост")]
    public void A_query_word_matches_the_forms_documents_store(string queryWord, Language documentLanguage, string documentWord) =>
        SearchAnalyzer.QueryTerms(queryWord).Should().Contain(SearchAnalyzer.DocumentTerm(documentWord, documentLanguage));

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
            .Should().Be("ток ассамбл народ казахст");

    [Fact]
    public void Overlong_words_are_neither_indexed_nor_searched()
    {
        var junk = new string('ж', SearchAnalyzer.MaxTermLength + 1);

        SearchAnalyzer.AnalyzeDocument($"ассамблея {junk}", Language.Ru).Should().Be("ассамбл");
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
