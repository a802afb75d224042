using DigestBot.Core.Articles;
using DigestBot.Core.Localization;

namespace DigestBot.Core.Tests.Localization;

public class PluralRulesTests
{
    [Theory]
    [InlineData(0, PluralCategory.Many)]
    [InlineData(1, PluralCategory.One)]
    [InlineData(2, PluralCategory.Few)]
    [InlineData(3, PluralCategory.Few)]
    [InlineData(4, PluralCategory.Few)]
    [InlineData(5, PluralCategory.Many)]
    [InlineData(11, PluralCategory.Many)]
    [InlineData(12, PluralCategory.Many)]
    [InlineData(14, PluralCategory.Many)]
    [InlineData(20, PluralCategory.Many)]
    [InlineData(21, PluralCategory.One)]
    [InlineData(22, PluralCategory.Few)]
    [InlineData(25, PluralCategory.Many)]
    [InlineData(101, PluralCategory.One)]
    [InlineData(111, PluralCategory.Many)]
    [InlineData(112, PluralCategory.Many)]
    [InlineData(1_000_001, PluralCategory.One)]
    [InlineData(-2, PluralCategory.Few)]
    public void Russian_has_one_few_and_many(long n, PluralCategory expected) =>
        PluralRules.Select(Language.Ru, n).Should().Be(expected);

    [Theory]
    [InlineData(0, PluralCategory.Other)]
    [InlineData(1, PluralCategory.One)]
    [InlineData(2, PluralCategory.Other)]
    [InlineData(3, PluralCategory.Other)]
    [InlineData(4, PluralCategory.Other)]
    [InlineData(5, PluralCategory.Other)]
    [InlineData(11, PluralCategory.Other)]
    [InlineData(12, PluralCategory.Other)]
    [InlineData(14, PluralCategory.Other)]
    [InlineData(21, PluralCategory.Other)]
    [InlineData(22, PluralCategory.Other)]
    [InlineData(25, PluralCategory.Other)]
    [InlineData(101, PluralCategory.Other)]
    [InlineData(111, PluralCategory.Other)]
    public void Kazakh_and_english_have_one_and_other(long n, PluralCategory expected)
    {
        PluralRules.Select(Language.Kk, n).Should().Be(expected);
        PluralRules.Select(Language.En, n).Should().Be(expected);
    }

    [Theory]
    [InlineData(Language.Ru, 0, "статья|статьи|статей", "0 статей")]
    [InlineData(Language.Ru, 1, "статья|статьи|статей", "1 статья")]
    [InlineData(Language.Ru, 2, "статья|статьи|статей", "2 статьи")]
    [InlineData(Language.Ru, 3, "статья|статьи|статей", "3 статьи")]
    [InlineData(Language.Ru, 4, "статья|статьи|статей", "4 статьи")]
    [InlineData(Language.Ru, 5, "статья|статьи|статей", "5 статей")]
    [InlineData(Language.Ru, 11, "статья|статьи|статей", "11 статей")]
    [InlineData(Language.Ru, 12, "статья|статьи|статей", "12 статей")]
    [InlineData(Language.Ru, 14, "статья|статьи|статей", "14 статей")]
    [InlineData(Language.Ru, 21, "статья|статьи|статей", "21 статья")]
    [InlineData(Language.Ru, 22, "статья|статьи|статей", "22 статьи")]
    [InlineData(Language.Ru, 25, "статья|статьи|статей", "25 статей")]
    [InlineData(Language.Ru, 101, "статья|статьи|статей", "101 статья")]
    [InlineData(Language.Ru, 111, "статья|статьи|статей", "111 статей")]
    [InlineData(Language.Kk, 1, "мақала", "1 мақала")]
    [InlineData(Language.Kk, 5, "мақала", "5 мақала")]
    [InlineData(Language.Kk, 21, "мақала|мақала", "21 мақала")]
    [InlineData(Language.En, 0, "article|articles", "0 articles")]
    [InlineData(Language.En, 1, "article|articles", "1 article")]
    [InlineData(Language.En, 2, "article|articles", "2 articles")]
    [InlineData(Language.En, 21, "article|articles", "21 articles")]
    [InlineData(Language.En, 1, "story", "1 story")]
    [InlineData(Language.En, 3, "story", "3 stories")]
    [InlineData(Language.En, 2, "person", "2 people")]
    public void Format_puts_the_number_before_the_right_form(Language language, long n, string forms, string expected) =>
        Plural.Format(language, n, forms).Should().Be(expected);

    [Theory]
    [InlineData(Language.Ru, "статья|статьи")]
    [InlineData(Language.Ru, "статья")]
    [InlineData(Language.Kk, "a|b|c")]
    [InlineData(Language.En, "a|b|c")]
    public void Wrong_number_of_forms_is_a_bug(Language language, string forms) =>
        FluentActions.Invoking(() => Plural.Word(language, 5, forms)).Should().Throw<ArgumentException>();
}
