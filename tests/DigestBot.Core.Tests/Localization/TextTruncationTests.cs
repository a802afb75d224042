using DigestBot.Core.Localization;

namespace DigestBot.Core.Tests.Localization;

public class TextTruncationTests
{
    [Theory]
    [InlineData("short", 10, "short")]
    [InlineData("exactly ten", 11, "exactly ten")]
    [InlineData("Курс тенге укрепился к доллару", 20, "Курс тенге…")]
    [InlineData("Курс тенге укрепился к доллару", 21, "Курс тенге укрепился…")]
    [InlineData("one two three", 8, "one two…")]
    [InlineData("one two   three", 10, "one two…")]
    [InlineData("Supercalifragilistic", 8, "Superca…")]
    [InlineData("ab😀cd", 4, "ab…")]
    [InlineData("anything", 1, "…")]
    public void Cuts_at_a_word_boundary_and_adds_an_ellipsis(string text, int maxChars, string expected)
    {
        var result = TextTruncation.Truncate(text, maxChars);

        result.Should().Be(expected);
        result.Length.Should().BeLessThanOrEqualTo(maxChars);
    }
}
