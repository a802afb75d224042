using DigestBot.Core.Articles;

namespace DigestBot.Core.Tests.Articles;

public class LanguageCodesTests
{
    [Theory]
    [InlineData("ru", Language.Ru)]
    [InlineData("RU", Language.Ru)]
    [InlineData("ru-RU", Language.Ru)]
    [InlineData("kk", Language.Kk)]
    [InlineData("kz", Language.Kk)]
    [InlineData("en-US", Language.En)]
    public void Known_codes_parse(string code, Language expected)
    {
        LanguageCodes.TryParse(code, out var language).Should().BeTrue();
        language.Should().Be(expected);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("de")]
    [InlineData("russian")]
    public void Other_codes_do_not_parse(string? code) => LanguageCodes.TryParse(code, out _).Should().BeFalse();
}
