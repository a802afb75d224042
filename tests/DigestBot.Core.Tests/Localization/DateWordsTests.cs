using DigestBot.Core.Articles;
using DigestBot.Core.Localization;

namespace DigestBot.Core.Tests.Localization;

public class DateWordsTests
{
    [Theory]
    [InlineData(Language.Ru, 2026, 11, 21, "21 ноября 2026 г.")]
    [InlineData(Language.Ru, 2026, 1, 1, "1 января 2026 г.")]
    [InlineData(Language.Ru, 2026, 5, 9, "9 мая 2026 г.")]
    [InlineData(Language.Kk, 2026, 11, 21, "2026 жылғы 21 қараша")]
    [InlineData(Language.Kk, 2026, 3, 22, "2026 жылғы 22 наурыз")]
    [InlineData(Language.Kk, 2026, 12, 16, "2026 жылғы 16 желтоқсан")]
    [InlineData(Language.En, 2026, 11, 21, "21 November 2026")]
    [InlineData(Language.En, 2026, 7, 4, "4 July 2026")]
    public void Full_dates_read_as_each_language_writes_them(Language language, int year, int month, int day, string expected) =>
        DateWords.Format(new DateOnly(year, month, day), language).Should().Be(expected);

    [Theory]
    [InlineData(Language.Ru, 2026, 11, 21, "суббота, 21 ноября")]
    [InlineData(Language.Ru, 2026, 11, 22, "воскресенье, 22 ноября")]
    [InlineData(Language.Ru, 2026, 11, 23, "понедельник, 23 ноября")]
    [InlineData(Language.Kk, 2026, 11, 21, "21 қараша, сенбі")]
    [InlineData(Language.Kk, 2026, 11, 27, "27 қараша, жұма")]
    [InlineData(Language.En, 2026, 11, 21, "Saturday, 21 November")]
    [InlineData(Language.En, 2026, 11, 25, "Wednesday, 25 November")]
    public void Dates_with_weekday_omit_the_year(Language language, int year, int month, int day, string expected) =>
        DateWords.FormatWithWeekday(new DateOnly(year, month, day), language).Should().Be(expected);
}
