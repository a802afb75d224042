using DigestBot.Core.Text;

namespace DigestBot.Core.Tests.Text;

public class RussianStemmerTests
{
    // Pairs from the Snowball Russian sample vocabulary.
    [Theory]
    [InlineData("вагон", "вагон")]
    [InlineData("вагона", "вагон")]
    [InlineData("вагонов", "вагон")]
    [InlineData("вагоном", "вагон")]
    [InlineData("важная", "важн")]
    [InlineData("важнее", "важн")]
    [InlineData("важнейшие", "важн")]
    [InlineData("важнейшими", "важн")]
    [InlineData("важничал", "важнича")]
    [InlineData("важного", "важн")]
    [InlineData("важную", "важн")]
    [InlineData("вазах", "ваз")]
    [InlineData("валандался", "валанда")]
    [InlineData("валериановых", "валерианов")]
    [InlineData("валетами", "валет")]
    [InlineData("валился", "вал")]
    [InlineData("валяется", "валя")]
    [InlineData("валялось", "валя")]
    [InlineData("вальдшнепа", "вальдшнеп")]
    public void Stems_like_the_snowball_reference(string word, string stem) =>
        Stemmers.Russian.Stem(word).Should().Be(stem);

    [Theory]
    [InlineData("конференция", "конференции", "конференцию", "конференцией")]
    [InlineData("республика", "республики", "республике", "республикой")]
    [InlineData("сотрудничество", "сотрудничества", "сотрудничеству", "сотрудничестве")]
    [InlineData("подчеркнул", "подчеркнула", "подчеркнули", "подчеркнуло")]
    public void Inflections_share_a_stem(params string[] words) =>
        words.Select(Stemmers.Russian.Stem).Distinct().Should().ContainSingle();

    [Fact]
    public void Yo_is_read_as_ye() => Stemmers.Russian.Stem("её").Should().Be(Stemmers.Russian.Stem("ее"));
}
