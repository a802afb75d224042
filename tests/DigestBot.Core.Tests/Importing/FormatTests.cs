using System.Globalization;
using System.Text;
using DigestBot.Core.Articles;
using DigestBot.Core.Importing;

namespace DigestBot.Core.Tests.Importing;

public class FormatTests
{
    private static readonly DocumentReader Reader = new();

    [Fact]
    public void Front_matter_overrides_what_would_be_guessed_and_the_body_is_still_cleaned()
    {
        const string text = """
            ---
            title: "Сенат одобрил закон"
            source: Kazinform
            url: https://example.kz/news/1
            published: 2025-12-25T10:00:00+05:00
            language: kk
            topics: [Политика, Senate , политика]
            ---
            Заголовок, который иначе стал бы названием

            1,204
            Сенат одобрил закон о медиации. Документ направлен на подпись Главе государства,
            сообщили в пресс-службе.

            Фото: пресс-служба Сената

            Закон вступит в силу через десять дней после официального опубликования.

            Читайте также
            Другая новость про парламент
            Источник: zakon.kz
            """;

        var article = ReadSingle("news.md", text);

        article.Title.Should().Be("Сенат одобрил закон");
        article.Source.Should().Be("Kazinform");
        article.Url.Should().Be("https://example.kz/news/1");
        article.PublishedAt.Should().Be(new DateTimeOffset(2025, 12, 25, 10, 0, 0, TimeSpan.FromHours(5)));
        article.Language.Should().Be(Language.Kk);
        article.Topics.Should().Equal("политика", "senate");
        article.Body.Should().Be(
            "Заголовок, который иначе стал бы названием\n\n"
            + "Сенат одобрил закон о медиации. Документ направлен на подпись Главе государства, сообщили в пресс-службе.\n\n"
            + "Закон вступит в силу через десять дней после официального опубликования.");
    }

    [Fact]
    public void Front_matter_in_a_txt_file_with_a_yaml_topic_list_and_a_markdown_heading()
    {
        const string text = """
            ---
            topics:
              - Экономика
              - Banks
            ---
            # Нацбанк сохранил базовую ставку

            Национальный банк сохранил базовую ставку на уровне 16,5%. Решение объяснили **инфляционными** ожиданиями,
            пишет [Курсив](https://kursiv.media).
            """;

        var article = ReadSingle("rate.txt", text);

        article.Title.Should().Be("Нацбанк сохранил базовую ставку");
        article.Topics.Should().Equal("экономика", "banks");
        article.Body.Should().Be("Национальный банк сохранил базовую ставку на уровне 16,5%. Решение объяснили инфляционными ожиданиями, пишет Курсив.");
        article.Language.Should().Be(Language.Ru);
        article.PublishedAt.Should().BeNull();
    }

    [Fact]
    public void Front_matter_with_an_unknown_language_is_detected_and_reported()
    {
        var result = Reader.Read("x.md", Encoding.UTF8.GetBytes("---\nlanguage: de\n---\nAstana hosted the forum on Monday. Delegates from twenty countries attended it.\n"));

        result.Articles.Should().ContainSingle().Which.Language.Should().Be(Language.En);
        result.Problems.Should().ContainSingle().Which.Should().Contain("de");
    }

    [Fact]
    public void Json_lines_import_every_good_line_and_report_the_malformed_one_by_number()
    {
        const string text = """
            {"id": "a-1", "title": "Первая", "body": "Текст первой новости о работе сената.\n\nВторой абзац первой новости.", "language": "ru", "source": "Zakon.kz", "url": "https://zakon.kz/1", "published": "25.12.2025 16:46", "topics": ["Политика", "сенат"]}
            {"title": "Екінші", "text": "Екінші жаңалықтың мәтіні және оның жалғасы.", "publishedAt": "2025-12-26T09:00:00Z", "topics": "қоғам, білім"}
            {"title": "Broken", "body": "no closing brace"

            {"id": 42, "body": "The third story has no title. Its first sentence becomes one."}
            {"title": "Empty", "body": "   "}
            """;

        var result = Reader.Read("bulk.jsonl", Encoding.UTF8.GetBytes(text));

        result.Skipped.Should().BeFalse();
        result.Problems.Should().Equal("line 3: not valid JSON", "line 6: no body or text");
        result.Articles.Should().HaveCount(3);

        var first = result.Articles[0];
        first.ItemKey.Should().Be("a-1");
        first.Title.Should().Be("Первая");
        first.Body.Should().Be("Текст первой новости о работе сената.\n\nВторой абзац первой новости.");
        first.Source.Should().Be("zakon.kz");
        first.Url.Should().Be("https://zakon.kz/1");
        first.PublishedAt.Should().Be(new DateTimeOffset(2025, 12, 25, 16, 46, 0, TimeSpan.FromHours(5)));
        first.Topics.Should().Equal("политика", "сенат");

        var second = result.Articles[1];
        second.ItemKey.Should().Be("line:2");
        second.Language.Should().Be(Language.Kk);
        second.PublishedAt.Should().Be(new DateTimeOffset(2025, 12, 26, 9, 0, 0, TimeSpan.Zero));
        second.Topics.Should().Equal("қоғам", "білім");

        var third = result.Articles[2];
        third.ItemKey.Should().Be("42");
        third.Title.Should().Be("The third story has no title");
        third.Language.Should().Be(Language.En);
    }

    [Fact]
    public void Json_lines_with_no_usable_line_skip_the_file_and_keep_the_problems()
    {
        var result = Reader.Read("bad.jsonl", Encoding.UTF8.GetBytes("{oops\n[1, 2]\n"));

        result.Skipped.Should().BeTrue();
        result.SkipReason.Should().Be("no valid JSON lines");
        result.Problems.Should().Equal("line 1: not valid JSON", "line 2: not a JSON object");
    }

    [Fact]
    public void Rss_items_become_articles_with_html_turned_into_paragraphs()
    {
        const string rss = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
              <channel>
                <title>Zakon.kz</title>
                <link>https://www.zakon.kz/</link>
                <item>
                  <title>В Алматы открыли новую школу</title>
                  <link>https://www.zakon.kz/news/1</link>
                  <guid isPermaLink="false">zakon-1</guid>
                  <pubDate>Thu, 25 Dec 2025 16:46:00 +0500</pubDate>
                  <description><![CDATA[<p>Школа рассчитана на 1&nbsp;200 учеников.</p><p>Фото: акимат</p><p>Строительство шло <b>два года</b>.<br/>Открытие прошло в четверг.</p>]]></description>
                </item>
                <item>
                  <title>Без guid</title>
                  <link>https://www.zakon.kz/news/2</link>
                  <description>&lt;p&gt;Новость без идентификатора, но со ссылкой.&lt;/p&gt;</description>
                </item>
                <item>
                  <title>Пустая</title>
                  <description><![CDATA[<p>Фото: акимат</p>]]></description>
                </item>
              </channel>
            </rss>
            """;

        var result = Reader.Read("zakon.xml", Encoding.UTF8.GetBytes(rss));

        result.Articles.Should().HaveCount(2);
        result.Problems.Should().Equal("item 3: no article text left after cleaning");
        var first = result.Articles[0];
        first.ItemKey.Should().Be("zakon-1");
        first.Title.Should().Be("В Алматы открыли новую школу");
        first.Url.Should().Be("https://www.zakon.kz/news/1");
        first.Source.Should().Be("zakon.kz");
        first.PublishedAt.Should().Be(new DateTimeOffset(2025, 12, 25, 16, 46, 0, TimeSpan.FromHours(5)));
        first.Body.Should().Be("Школа рассчитана на 1 200 учеников.\n\nСтроительство шло два года.\n\nОткрытие прошло в четверг.");
        first.Language.Should().Be(Language.Ru);
        result.Articles[1].ItemKey.Should().Be("https://www.zakon.kz/news/2");
        result.Articles[1].Body.Should().Be("Новость без идентификатора, но со ссылкой.");
    }

    [Fact]
    public void Atom_entries_become_articles_keyed_by_their_id()
    {
        const string atom = """
            <feed xmlns="http://www.w3.org/2005/Atom">
              <title>Astana Times</title>
              <link rel="alternate" href="https://astanatimes.com/"/>
              <link rel="self" href="https://astanatimes.com/feed.atom"/>
              <entry>
                <title type="html">Senate &lt;b&gt;approves&lt;/b&gt; mediation law</title>
                <id>tag:astanatimes.com,2025:1</id>
                <link rel="alternate" href="https://astanatimes.com/2025/12/senate"/>
                <published>2025-12-25T11:46:00Z</published>
                <content type="html">&lt;p&gt;The Senate approved the law on Thursday.&lt;/p&gt;&lt;p&gt;Read also: Majilis passes budget&lt;/p&gt;&lt;p&gt;It now goes to the President.&lt;/p&gt;</content>
              </entry>
              <entry>
                <title>Second</title>
                <link href="https://astanatimes.com/2025/12/second"/>
                <updated>2025-12-26</updated>
                <summary type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>A summary in <em>XHTML</em> markup.</p></div></summary>
              </entry>
            </feed>
            """;

        var result = Reader.Read("astanatimes.atom", Encoding.UTF8.GetBytes(atom));

        result.Problems.Should().BeEmpty();
        result.Articles.Should().HaveCount(2);
        var first = result.Articles[0];
        first.ItemKey.Should().Be("tag:astanatimes.com,2025:1");
        first.Title.Should().Be("Senate approves mediation law");
        first.Source.Should().Be("astanatimes.com");
        first.Url.Should().Be("https://astanatimes.com/2025/12/senate");
        first.PublishedAt.Should().Be(new DateTimeOffset(2025, 12, 25, 11, 46, 0, TimeSpan.Zero));
        first.Body.Should().Be("The Senate approved the law on Thursday.\n\nIt now goes to the President.");
        first.Language.Should().Be(Language.En);
        var second = result.Articles[1];
        second.ItemKey.Should().Be("https://astanatimes.com/2025/12/second");
        second.Body.Should().Be("A summary in XHTML markup.");
        second.PublishedAt.Should().Be(new DateTimeOffset(2025, 12, 26, 0, 0, 0, TimeSpan.FromHours(5)));
    }

    [Theory]
    [InlineData("page.txt", "Просто текст страницы", "ScrapedText")]
    [InlineData("page.txt", "---\ntitle: X\n---\nТекст", "Markdown")]
    [InlineData("page.md", "Просто текст", "Markdown")]
    [InlineData("bulk.jsonl", "{\"body\": \"x\"}", "JsonLines")]
    [InlineData("bulk.ndjson", "{\"body\": \"x\"}", "JsonLines")]
    [InlineData("bulk.txt", "{\"body\": \"x\"}\n{\"body\": \"y\"}", "JsonLines")]
    [InlineData("feed.xml", "<rss/>", "Feed")]
    [InlineData("feed.atom", "<feed/>", "Feed")]
    [InlineData("feed.txt", "  <?xml version=\"1.0\"?><rss/>", "Feed")]
    [InlineData("feed.txt", "<feed xmlns=\"http://www.w3.org/2005/Atom\"/>", "Feed")]
    [InlineData("feed.json", "{\n  \"version\": \"https://jsonfeed.org/version/1.1\",\n  \"items\": []\n}", "Feed")]
    [InlineData("feed.jsonl", "{\"version\": \"https://jsonfeed.org/version/1\", \"items\": []}", "Feed")]
    [InlineData("notes.jsonl", "---\ntitle: X\n---\nТекст", "Markdown")]
    public void Format_comes_from_the_content_first_and_the_extension_second(string fileName, string text, string format) =>
        FormatSniffer.Detect(fileName, text).ToString().Should().Be(format);

    [Fact]
    public void Json_feed_items_become_articles_and_a_truncated_xml_feed_keeps_its_complete_items()
    {
        const string json = """
            {
              "version": "https://jsonfeed.org/version/1.1",
              "title": "Kapital.kz",
              "home_page_url": "https://kapital.kz/",
              "items": [
                {"id": "k-1", "url": "https://kapital.kz/1", "title": "Тенге укрепился", "content_text": "Курс тенге укрепился к доллару.", "date_published": "2025-12-25T10:00:00+05:00"},
                {"id": "k-2", "url": "https://kapital.kz/2", "title": "Без текста"}
              ]
            }
            """;
        const string truncated = """
            <rss version="2.0"><channel><title>t</title><link>https://www.zakon.kz/</link>
              <item><title>Первая</title><guid>z-1</guid><description>Сенат одобрил закон о медиации.</description></item>
              <item><title>Вторая</title><description>Обрыв на середи
            """;

        var fromJson = Reader.Read("kapital.json", Encoding.UTF8.GetBytes(json));
        var fromXml = Reader.Read("zakon.xml", Encoding.UTF8.GetBytes(truncated));

        var article = fromJson.Articles.Should().ContainSingle().Subject;
        article.ItemKey.Should().Be("k-1");
        article.Source.Should().Be("kapital.kz");
        article.Body.Should().Be("Курс тенге укрепился к доллару.");
        fromJson.Problems.Should().Equal("item 2: no text");
        fromXml.Articles.Select(a => a.ItemKey).Should().Equal("z-1");
        fromXml.Problems.Should().Equal("feed is truncated after item 1");
    }

    [Fact]
    public void A_broken_feed_is_skipped()
    {
        var result = Reader.Read("feed.rss", Encoding.UTF8.GetBytes("<rss><channel><item><title>x</title>"));

        result.SkipReason.Should().StartWith("unreadable XML before the first complete item");
    }

    [Fact]
    public void A_feed_with_an_entity_bomb_is_skipped_saying_that_DTDs_are_refused()
    {
        const string bomb = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
            <rss version="2.0"><channel><title>Лента</title>
            <item><guid>1</guid><title>&c;</title><description>Курс тенге укрепился к доллару.</description></item>
            </channel></rss>
            """;

        var result = Reader.Read("feed.rss", Encoding.UTF8.GetBytes(bomb));

        result.SkipReason.Should().Be("refused: the feed declares a DTD (entities are not expanded)");
    }

    [Fact]
    public void The_same_text_under_two_names_hashes_the_same_and_an_edit_changes_the_hash()
    {
        var seed = SeedFiles.Read("003_df342e71ac7386e8.txt");
        var original = Reader.Read("003.txt", seed).Articles.Single();
        var copy = Reader.Read("copy-of-003.txt", seed).Articles.Single();
        var edited = Reader.Read("003.txt", [.. seed, .. Encoding.UTF8.GetBytes("\n\nАбзац, добавленный редактором позже.")]).Articles.Single();

        copy.ContentHash.Should().Be(original.ContentHash);
        edited.ContentHash.Should().NotBe(original.ContentHash);
        edited.Body.Should().EndWith("Абзац, добавленный редактором позже.");
        original.PublishedAt.Should().Be(DateTimeOffset.Parse("2025-12-25T16:46:00+05:00", CultureInfo.InvariantCulture));
    }

    private static ArticleDraft ReadSingle(string fileName, string text)
    {
        var result = Reader.Read(fileName, Encoding.UTF8.GetBytes(text));
        result.SkipReason.Should().BeNull();
        return result.Articles.Should().ContainSingle().Subject;
    }
}
