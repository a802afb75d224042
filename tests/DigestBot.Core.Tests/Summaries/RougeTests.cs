using DigestBot.Core.Articles;
using DigestBot.Core.Summaries;

namespace DigestBot.Core.Tests.Summaries;

public class RougeTests
{
    // Tokens: candidate "the cat sat", reference "the cat sat down" (English stems are the words themselves here).
    [Fact]
    public void Scores_a_prefix_of_the_reference()
    {
        var scores = Rouge.Score("the cat sat", "the cat sat down", Language.En);
        scores.Rouge1.Should().BeApproximately(2 * 1.0 * 0.75 / 1.75, 1e-9);     // P 3/3, R 3/4
        scores.Rouge2.Should().BeApproximately(2 * 1.0 * (2.0 / 3) / (5.0 / 3), 1e-9); // P 2/2, R 2/3
        scores.RougeL.Should().BeApproximately(2 * 1.0 * 0.75 / 1.75, 1e-9);     // LCS 3
    }

    [Theory]
    [InlineData(new[] { "a", "b", "c", "d" }, new[] { "a", "c", "b", "d" }, 3)]
    [InlineData(new[] { "a", "b" }, new[] { "c", "d" }, 0)]
    [InlineData(new[] { "a", "a", "a" }, new[] { "a" }, 1)]
    public void RougeL_follows_the_longest_common_subsequence(string[] candidate, string[] reference, int lcs)
    {
        var expected = lcs == 0 ? 0 : 2.0 * lcs / (candidate.Length + reference.Length);
        Rouge.LcsF1(candidate, reference).Should().BeApproximately(expected, 1e-9);
    }

    [Fact]
    public void Clips_repeated_unigrams_to_the_reference_count() =>
        Rouge.NGramF1(["a", "a", "a", "a"], ["a", "b"], 1).Should().BeApproximately(2 * 0.25 * 0.5 / 0.75, 1e-9);

    [Fact]
    public void Stems_before_matching()
    {
        Rouge.Score("Ассамблеясының хатшысы", "ассамблеяға хатшы", Language.Kk).Rouge1.Should().Be(1);
        Rouge.Score("важные решения", "важное решение", Language.Ru).Rouge1.Should().Be(1);
    }

    [Fact]
    public void Empty_text_scores_zero() => Rouge.Score("", "что-то", Language.Ru).Should().Be(RougeScores.Zero);
}
