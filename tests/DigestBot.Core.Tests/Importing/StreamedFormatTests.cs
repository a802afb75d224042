using System.Text;
using DigestBot.Core.Importing;

namespace DigestBot.Core.Tests.Importing;

/// <summary>JSON Lines and feeds are read article by article: the limit is per article and each line is decoded on its own.</summary>
public class StreamedFormatTests
{
    private const string Line = """{"id": "1", "title": "Сенат", "body": "Сенат одобрил закон о местном самоуправлении."}""";

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    [InlineData("windows-1251")]
    public void Json_lines_in_any_encoding_with_crlf_line_breaks_are_read(string encodingName)
    {
        var encoding = encodingName == "windows-1251" ? CodePagesEncodingProvider.Instance.GetEncoding(1251)! : Encoding.GetEncoding(encodingName);
        var text = Line + "\r\n" + Line.Replace("\"1\"", "\"2\"").Replace("закон", "бюджет") + "\r\n";
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes(text)).ToArray();

        var result = new DocumentReader().Read("bulk.jsonl", bytes);

        result.Problems.Should().BeEmpty();
        result.Articles.Select(a => a.Body).Should().Equal("Сенат одобрил закон о местном самоуправлении.", "Сенат одобрил бюджет о местном самоуправлении.");
    }

    [Fact]
    public void A_json_line_over_the_article_limit_is_a_problem_and_a_file_over_the_file_limit_still_reads()
    {
        var huge = $$"""{"id": "2", "body": "{{new string('я', 1000)}}"}""";
        var content = Encoding.UTF8.GetBytes(Line + "\n" + huge + "\n" + Line.Replace("\"1\"", "\"3\"").Replace("закон", "бюджет"));

        var result = new DocumentReader(maxFileBytes: 100, maxArticleBytes: 1024).Read("bulk.jsonl", content);

        result.Skipped.Should().BeFalse();
        result.Problems.Should().Equal($"line 2: too large: {Encoding.UTF8.GetByteCount(huge):N0} bytes, the limit is 1,024 (Seeds:MaxArticleBytes)");
        result.Articles.Select(a => a.ItemKey).Should().Equal("1", "3");
    }

    [Fact]
    public void A_feed_item_over_the_article_limit_is_a_problem_numbered_as_in_the_feed()
    {
        var feed = $"""
            <rss version="2.0"><channel><title>t</title><link>https://news.kz/</link>
            <item><guid>1</guid><title>Первая</title><description>Сенат одобрил закон о местном самоуправлении.</description></item>
            <item><guid>2</guid><title>Длинная</title><description>{new string('я', 2000)}</description></item>
            <item><guid>3</guid><title>Третья</title><description>Маслихат утвердил бюджет города на следующий год.</description></item>
            </channel></rss>
            """;

        var result = new DocumentReader(maxFileBytes: 100, maxArticleBytes: 1024).Read("feed.rss", Encoding.UTF8.GetBytes(feed));

        result.Problems.Should().ContainSingle().Which.Should().MatchRegex(@"^item 2: too large: [\d,]+ bytes, the limit is 1,024 \(Seeds:MaxArticleBytes\)$");
        result.Articles.Select(a => a.ItemKey).Should().Equal("1", "3");
        result.Articles.Should().OnlyContain(a => a.Source == "news.kz");
    }
}
