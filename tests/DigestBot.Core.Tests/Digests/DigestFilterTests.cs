using DigestBot.Core.Articles;
using DigestBot.Core.Digests;

namespace DigestBot.Core.Tests.Digests;

public class DigestFilterTests
{
    [Theory]
    [InlineData("+нефть -футбол газ", "+газ +нефть -футбол")]
    [InlineData("Нефть, ГАЗ;  -Футбол", "+газ +нефть -футбол")]
    [InlineData("+«Тоқаев»! -(спорт)", "+тоқаев -спорт")]
    [InlineData("+ёлка +елка", "+елка")]
    [InlineData("−футбол –хоккей", "-футбол -хоккей")]
    [InlineData("covid-19", "+covid-19")]
    [InlineData("", "")]
    public void Parse_reads_plus_minus_and_bare_words_into_one_canonical_form(string text, string display)
    {
        var result = DigestFilter.Parse(text);

        result.Filter.Display.Should().Be(display);
        result.Issues.Should().BeEmpty();
        DigestFilter.Parse(display).Filter.Should().Be(result.Filter);
    }

    [Theory]
    [InlineData("+нефть !!! +", "+нефть", "!!!:NotAWord +:NotAWord")]
    [InlineData("+и -the мен", "", "+и:StopWord -the:StopWord мен:StopWord")]
    [InlineData("+нефть -нефть", "-нефть", "нефть:Conflicting")]
    [InlineData("+Нефтегазоконденсатодобывающепромышленныйкомплекс", "", "+Нефтегазоконденсатодобывающепромышленныйкомплекс:TooLong")]
    public void Parse_leaves_out_junk_with_a_reason(string text, string display, string issues)
    {
        var result = DigestFilter.Parse(text);

        result.Filter.Display.Should().Be(display);
        string.Join(' ', result.Issues.Select(i => $"{i.Term}:{i.Kind}")).Should().Be(issues);
    }

    [Fact]
    public void Parse_keeps_the_first_twenty_words()
    {
        var words = Enumerable.Range(1, 22).Select(i => $"слово{i}");

        var result = DigestFilter.Parse(string.Join(' ', words));

        result.Filter.Include.Should().HaveCount(DigestFilter.MaxTerms);
        result.Issues.Select(i => (i.Term, i.Kind)).Should().Equal(("слово21", DigestFilterIssueKind.TooMany), ("слово22", DigestFilterIssueKind.TooMany));
    }

    [Theory]
    [InlineData("+Токаев", Language.Kk, "Тоқаевтың Ташкентке сапары", true)]
    [InlineData("+Тоқаев", Language.Ru, "Визит Токаева в Ташкент", true)]
    [InlineData("+токаев", Language.Ru, "Визит премьер-министра в Ташкент", false)]
    [InlineData("+нефть", Language.Ru, "Цены на нефти выросли", true)]
    [InlineData("+мұнай", Language.Kk, "Мұнайдың бағасы өсті", true)]
    [InlineData("+Казахстан", Language.Kk, "Қазақстанда жаңа зауыт ашылды", true)]
    [InlineData("+ёлка", Language.Ru, "Главную елку страны установили", true)]
    [InlineData("-футбол", Language.Ru, "Новости футбола за неделю", false)]
    [InlineData("-футбол", Language.Ru, "Новости хоккея за неделю", true)]
    [InlineData("+газ -футбол", Language.Ru, "Добыча газа выросла", true)]
    [InlineData("+газ -футбол", Language.Ru, "Газ для футбольного стадиона и новости футбола", false)]
    [InlineData("+газ +нефть", Language.Ru, "Футбольный матч перенесли", false)]
    [InlineData("", Language.Ru, "Футбольный матч перенесли", true)]
    public void Articles_match_filter_words_in_any_form_and_spelling(string filter, Language language, string title, bool passes)
    {
        var article = new DigestCandidate(1, title, "", language, null, null, null, DateTimeOffset.UnixEpoch, [], "");

        DigestFilter.Parse(filter).Filter.Matches(StoryFingerprint.TermsOf(article)).Should().Be(passes);
    }
}
