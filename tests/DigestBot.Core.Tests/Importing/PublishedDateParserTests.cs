using System.Globalization;
using DigestBot.Core.Importing;

namespace DigestBot.Core.Tests.Importing;

public class PublishedDateParserTests
{
    [Theory]
    [InlineData("16:46, 25 декабря 2025", "2025-12-25T16:46:00+05:00")]
    [InlineData("25 декабря 2025 года", "2025-12-25T00:00:00+05:00")]
    [InlineData("Опубликовано: 3 мая 2024, 09:05", "2024-05-03T09:05:00+05:00")]
    [InlineData("25.12.2025", "2025-12-25T00:00:00+05:00")]
    [InlineData("25.12.2025 16:46", "2025-12-25T16:46:00+05:00")]
    [InlineData("2025 жылғы 25 желтоқсан", "2025-12-25T00:00:00+05:00")]
    [InlineData("2023 жылғы 14 сәуірде", "2023-04-14T00:00:00+05:00")]
    [InlineData("25 желтоқсан 2025", "2025-12-25T00:00:00+05:00")]
    [InlineData("12 қазан 2024, 18:30", "2024-10-12T18:30:00+05:00")]
    [InlineData("December 25, 2025", "2025-12-25T00:00:00+05:00")]
    [InlineData("Dec 25, 2025 4:46", "2025-12-25T04:46:00+05:00")]
    [InlineData("25 March 2025", "2025-03-25T00:00:00+05:00")]
    [InlineData("2025-12-25", "2025-12-25T00:00:00+05:00")]
    [InlineData("2025-12-25T16:46:00", "2025-12-25T16:46:00+05:00")]
    [InlineData("2025-12-25T11:46:00Z", "2025-12-25T11:46:00+00:00")]
    [InlineData("2025-12-25T16:46:00+03:00", "2025-12-25T16:46:00+03:00")]
    [InlineData("Thu, 25 Dec 2025 16:46:00 +0500", "2025-12-25T16:46:00+05:00")]
    [InlineData("Thu, 25 Dec 2025 11:46:00 GMT", "2025-12-25T11:46:00+00:00")]
    public void Parses_russian_kazakh_english_and_machine_dates(string text, string expected) =>
        PublishedDateParser.Parse(text).Should().Be(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("вчера")]
    [InlineData("31 февраля 2025")]
    [InlineData("25 декабря")]
    [InlineData("32.13.2025")]
    [InlineData("в 1812 году")]
    public void Unknown_or_impossible_dates_stay_null(string? text) => PublishedDateParser.Parse(text).Should().BeNull();

    [Theory]
    [InlineData("16:46, 25 декабря 2025", true)]
    [InlineData("Жарияланды: 2025 жылғы 25 желтоқсан", true)]
    [InlineData("Published December 25, 2025 at 16:46", true)]
    [InlineData("Сессия пройдет 25 декабря 2025 года в Астане", false)]
    [InlineData("2023 жылғы 14 сәуірде Ташкентте өтетін кеңес", false)]
    public void A_dateline_holds_nothing_but_the_date(string line, bool isDateLine) =>
        PublishedDateParser.IsDateLine(line, out _).Should().Be(isDateLine);
}
