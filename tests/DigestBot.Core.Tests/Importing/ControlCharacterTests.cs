using System.Text;
using DigestBot.Core.Importing;

namespace DigestBot.Core.Tests.Importing;

/// <summary>Control characters never reach a stored article, whichever format brought them.</summary>
public class ControlCharacterTests
{
    private const string Before = "Сенат одобрил закон о местном самоуправлении.";
    private const string After = "Закон вступит в силу через десять дней после официального опубликования.";

    private static readonly DocumentReader Reader = new();

    /// <summary>Long enough (over 1 KB) that a body cut at a NUL would still look like an article.</summary>
    private static readonly string Filler = string.Join(' ', Enumerable.Repeat("Депутаты обсудили поправки к бюджету на следующий год.", 30));

    public static TheoryData<string, string> Files => new()
    {
        { "bulk.jsonl", $$"""{"title": "Закон\u0007 принят", "body": "{{Filler}} {{Before}}\u0000{{After}}"}""" },
        { "bulk.jsonl", $$"""{"title": "Закон принят", "body": "{{Filler}}\n\n{{Before}}\u001b[1m{{After}}"}""" },
        { "page.txt", $"Закон принят\n\n{Filler}\n\n{Before}\u0001{After}\n" },
        { "story.md", $"---\ntitle: Закон принят\n---\n{Filler}\n\n{Before}\u007f{After}\n" },
        { "feed.rss", $"""<rss version="2.0"><channel><title>t</title><item><title>Закон принят</title><description>&lt;p&gt;{Filler}&lt;/p&gt;&lt;p&gt;{Before}&amp;#1;{After}&lt;/p&gt;</description></item></channel></rss>""" },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void A_control_character_is_dropped_and_the_text_after_it_kept(string fileName, string text)
    {
        var result = Reader.Read(fileName, Encoding.UTF8.GetBytes(text));

        var article = result.Articles.Should().ContainSingle().Subject;
        article.Body.Where(ch => char.IsControl(ch) && ch != '\n').Should().BeEmpty();
        article.Title.Where(char.IsControl).Should().BeEmpty();
        article.Body.Should().EndWith(After);
        article.Body.Should().Contain(Before);
        article.WordCount.Should().Be(ArticleDraft.CountWords(article.Body));
    }

    [Fact]
    public void A_json_line_with_a_raw_nul_byte_is_a_binary_line_and_the_other_lines_are_imported()
    {
        var lines = new[]
        {
            """{"id": "1", "title": "Первая", "body": "Текст первой новости о работе сената."}""",
            """{"id": "2", "title": "Вторая", "body": "Текст второй новости""" + "\0" + """ о бюджете."}""",
            """{"id": "3", "title": "Третья", "body": "Текст третьей новости о погоде в Астане."}""",
        };

        var result = Reader.Read("bulk.jsonl", Encoding.UTF8.GetBytes(string.Join('\n', lines)));

        result.Skipped.Should().BeFalse();
        result.Problems.Should().Equal("line 2: binary");
        result.Articles.Select(a => a.ItemKey).Should().Equal("1", "3");
    }
}
