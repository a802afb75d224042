using DigestBot.Core.Articles;
using DigestBot.Core.Summaries;

namespace DigestBot.Core.Tests.Summaries;

public class SummarySplitTests
{
    private static readonly SummaryCase[] Cases =
    [
        new("Текст один.", "Итог один.", Language.Ru, "ru-001"),
        new("Текст два.", "Итог два.", Language.Ru, "ru-002"),
        new("Мәтін.", "Қорытынды.", Language.Kk, "kk-001"),
        new("Без номера.", "Итог.", Language.Ru),
    ];

    [Theory]
    [InlineData(SummaryHalf.Tuning, new[] { "ru-001", "kk-001" })]
    [InlineData(SummaryHalf.Heldout, new[] { "ru-002" })]
    public void Selects_the_cases_of_one_half_in_their_order(SummaryHalf half, string[] ids)
    {
        var split = SummarySplit.Parse("""{"tuning": ["kk-001", "ru-001"], "heldout": ["ru-002"]}""");

        split.Select(Cases, half).Select(item => item.Id).Should().Equal(ids);
    }

    [Theory]
    [InlineData("""{"tuning": ["ru-001"], "heldout": ["ru-001"]}""", "not a new id")]
    [InlineData("""{"tuning": ["ru-001"]}""", "\"heldout\" must be an array")]
    [InlineData("""["ru-001"]""", "not a JSON object")]
    [InlineData("""{"tuning": [""", "not valid JSON")]
    public void Rejects_a_malformed_split(string json, string problem) =>
        FluentActions.Invoking(() => SummarySplit.Parse(json)).Should().Throw<FormatException>().WithMessage($"*{problem}*");
}
