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
    [InlineData("November 19, 2024, 4:45 pm", "2024-11-19T16:45:00+05:00")]
    [InlineData("12:10 a.m., 3 June 2024", "2024-06-03T00:10:00+05:00")]
    [InlineData("Жарияланған күні: 03.06.2024 14:20", "2024-06-03T14:20:00+05:00")]
    [InlineData("11:25, 10 Қыркүйек 2024", "2024-09-10T11:25:00+05:00")]
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
    [InlineData("Жарияланған уақыты: 17 шілде 2025, 09:45", true)]
    [InlineData("Posted on January 21, 2025", true)]
    [InlineData("November 19, 2024, 4:45 pm", true)]
    [InlineData("Дата публикации: 23 января 2025, 15:30", true)]
    [InlineData("Опубликовано 14 февраля 2025 года", true)]
    [InlineData("Сессия пройдет 25 декабря 2025 года в Астане", false)]
    [InlineData("2023 жылғы 14 сәуірде Ташкентте өтетін кеңес", false)]
    public void A_dateline_holds_nothing_but_the_date(string line, bool isDateLine) =>
        PublishedDateParser.IsDateLine(line, out _).Should().Be(isDateLine);

    [Theory]
    [InlineData("Обновлено: 15 октября 2024, 12:05", true)]
    [InlineData("Дата изменения: 15.05.2025 10:11", true)]
    [InlineData("Жаңартылды: 22 сәуір 2025, 15:40", true)]
    [InlineData("Updated: 6 June 2025 09:12", true)]
    [InlineData("Опубликовано: 15 октября 2024, 08:40", false)]
    [InlineData("Жарияланды: 22 сәуір 2025", false)]
    [InlineData("Published: 5 June 2025 14:00", false)]
    public void A_dateline_tells_an_update_from_the_publication(string line, bool updated)
    {
        PublishedDateParser.IsDateLine(line, out _, out var isUpdate).Should().BeTrue();
        isUpdate.Should().Be(updated);
    }

    [Theory]
    [InlineData("Бүгін, 08:15", true)]
    [InlineData("Вчера в 18:40", true)]
    [InlineData("Today, 10:05 am", true)]
    [InlineData("В 18:40 начнется концерт", false)]
    [InlineData("Сегодня", false)]
    public void A_dateline_with_only_a_relative_day_is_recognised(string line, bool relative) =>
        PublishedDateParser.IsRelativeDateLine(line).Should().Be(relative);

    [Theory]
    [InlineData("Updated: 6 June 2025 09:12\nPublished: 5 June 2025 14:00", "2025-06-05T14:00:00+05:00")]
    [InlineData("Жаңартылды: 4 қараша 2025, 12:00", "2025-11-04T12:00:00+05:00")]
    [InlineData("By Saniya Sakenova in Culture on 20 May 2025", "2025-05-20T00:00:00+05:00")]
    public void The_page_date_is_the_publication_a_later_update_only_when_alone(string header, string expected)
    {
        var page = $"Oil Output Reaches a Record\n{header}\nKazakhstan produced 42.1 million tons of oil in the first five months of the year, the ministry said.";

        var article = new DocumentReader().Read("page.txt", System.Text.Encoding.UTF8.GetBytes(page)).Articles.Single();

        article.PublishedAt.Should().Be(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture));
    }
}
