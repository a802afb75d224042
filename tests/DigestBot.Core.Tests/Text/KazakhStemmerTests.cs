using DigestBot.Core.Text;

namespace DigestBot.Core.Tests.Text;

public class KazakhStemmerTests
{
    [Theory]
    [InlineData("ассамблея", "ассамблеясы", "ассамблеясының", "ассамблеяға", "ассамблеясында", "ассамблеясын")]
    [InlineData("қазақстан", "қазақстанның", "қазақстанда", "қазақстанға", "қазақстаннан", "қазақстанмен")]
    [InlineData("ел", "елдің", "елде", "елге", "елдер", "елдердің")]
    [InlineData("мемлекет", "мемлекеттің", "мемлекетке", "мемлекеттер", "мемлекеттердің", "мемлекетіміздің")]
    [InlineData("халық", "халықтың", "халықтар", "халықтары", "халықтарының")]
    [InlineData("тмд", "тмд-ға", "тмд-дағы", "тмд-ның")]
    [InlineData("ынтымақтастық", "ынтымақтастықты", "ынтымақтастықтың")]
    [InlineData("бол", "болды", "болып", "болған", "болатын", "болады")]
    [InlineData("тоқаев", "тоқаевтың", "тоқаевқа", "тоқаевты", "тоқаевпен")]
    [InlineData("министрлік", "министрлігі", "министрлігінің")]
    [InlineData("шаруашылық", "шаруашылығы", "шаруашылығының")]
    public void Inflections_share_a_stem(params string[] words) =>
        words.Select(Stemmers.Kazakh.Stem).Distinct().Should().ContainSingle();

    [Theory]
    [InlineData("ассамблея", "ассамблея")]
    [InlineData("қазақстанның", "қазақстан")]
    [InlineData("ассамблеясының", "ассамблея")]
    [InlineData("елдеріміздің", "ел")]
    public void Strips_only_inflection(string word, string stem) =>
        Stemmers.Kazakh.Stem(word).Should().Be(stem);

    [Theory]
    [InlineData("келісім", "келіссөз")]
    [InlineData("мәдени", "мәдениет")]
    [InlineData("бейбітшілік", "бейбіт")]
    [InlineData("сала", "саяси")]
    public void Different_words_keep_different_stems(string first, string second) =>
        Stemmers.Kazakh.Stem(first).Should().NotBe(Stemmers.Kazakh.Stem(second));

    [Theory]
    [InlineData("ел")]
    [InlineData("бала")]
    [InlineData("кісі")]
    [InlineData("адам")]
    public void Short_words_stay_whole(string word) => Stemmers.Kazakh.Stem(word).Should().Be(word);
}
