using DigestBot.Core.Text;

namespace DigestBot.Core.Tests.Text;

public class EnglishStemmerTests
{
    // Pairs from the Porter2 sample vocabulary and its exception lists.
    [Theory]
    [InlineData("consign", "consign")]
    [InlineData("consigned", "consign")]
    [InlineData("consignment", "consign")]
    [InlineData("consistency", "consist")]
    [InlineData("consistently", "consist")]
    [InlineData("consolation", "consol")]
    [InlineData("consolatory", "consolatori")]
    [InlineData("consolidated", "consolid")]
    [InlineData("consolingly", "consol")]
    [InlineData("conspicuously", "conspicu")]
    [InlineData("conspiracy", "conspiraci")]
    [InlineData("conspirators", "conspir")]
    [InlineData("constable", "constabl")]
    [InlineData("constancy", "constanc")]
    [InlineData("generously", "generous")]
    [InlineData("hopping", "hop")]
    [InlineData("hoping", "hope")]
    [InlineData("cries", "cri")]
    [InlineData("ties", "tie")]
    [InlineData("caresses", "caress")]
    [InlineData("skies", "sky")]
    [InlineData("dying", "die")]
    [InlineData("news", "news")]
    [InlineData("succeeded", "succeed")]
    [InlineData("proceeding", "proceed")]
    [InlineData("added", "add")]
    [InlineData("at", "at")]
    public void Stems_like_the_porter2_reference(string word, string stem) =>
        Stemmers.English.Stem(word).Should().Be(stem);
}
