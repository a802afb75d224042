using DigestBot.Core.Rendering;

namespace DigestBot.Core.Tests.Rendering;

public class TelegramHtmlTests
{
    [Theory]
    [InlineData("plain title", "plain title")]
    [InlineData("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;")]
    [InlineData("Tom & Jerry", "Tom &amp; Jerry")]
    [InlineData("already &amp; escaped", "already &amp;amp; escaped")]
    [InlineData("a < b > c", "a &lt; b &gt; c")]
    [InlineData("\"quotes\" and 'apostrophes' stay", "\"quotes\" and 'apostrophes' stay")]
    [InlineData("", "")]
    public void Escape_replaces_only_angle_brackets_and_ampersands(string text, string expected) =>
        TelegramHtml.Escape(text).Should().Be(expected);

    [Fact]
    public void Escape_attribute_also_escapes_double_quotes() =>
        TelegramHtml.EscapeAttribute("https://x.kz/?q=\"a\"&b=<c>").Should().Be("https://x.kz/?q=&quot;a&quot;&amp;b=&lt;c&gt;");

    public static TheoryData<string, string> Helpers => new()
    {
        { TelegramHtml.Bold("Курс <тенге>"), "<b>Курс &lt;тенге&gt;</b>" },
        { TelegramHtml.Italic("a&b"), "<i>a&amp;b</i>" },
        { TelegramHtml.Underline("u"), "<u>u</u>" },
        { TelegramHtml.Strikethrough("s"), "<s>s</s>" },
        { TelegramHtml.Spoiler("secret"), "<tg-spoiler>secret</tg-spoiler>" },
        { TelegramHtml.Code("x < 1 && y"), "<code>x &lt; 1 &amp;&amp; y</code>" },
        { TelegramHtml.Pre("if (a < b) {}"), "<pre>if (a &lt; b) {}</pre>" },
        { TelegramHtml.Pre("print(1)", "python"), "<pre><code class=\"language-python\">print(1)</code></pre>" },
        { TelegramHtml.Blockquote("quote"), "<blockquote>quote</blockquote>" },
        { TelegramHtml.Blockquote("long", expandable: true), "<blockquote expandable>long</blockquote>" },
        { TelegramHtml.Link("search: tea & cakes", "https://example.com/?q=tea&x=\"1\""), "<a href=\"https://example.com/?q=tea&amp;x=&quot;1&quot;\">search: tea &amp; cakes</a>" },
        { TelegramHtml.Link("user", "tg://user?id=42"), "<a href=\"tg://user?id=42\">user</a>" },
        { TelegramHtml.Link("click <me>", "javascript:alert(1)"), "click &lt;me&gt;" },
        { TelegramHtml.Link("relative", "/news/1"), "relative" },
    };

    [Theory]
    [MemberData(nameof(Helpers))]
    public void Helpers_escape_their_text_and_produce_valid_html(string html, string expected)
    {
        html.Should().Be(expected);
        TelegramHtmlValidator.Validate(html).IsValid.Should().BeTrue();
    }

    [Theory]
    [InlineData("https://tengrinews.kz/news/1", true)]
    [InlineData("http://example.com", true)]
    [InlineData("tg://user?id=123", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("JavaScript:alert(1)", false)]
    [InlineData("data:text/html;base64,PHA+", false)]
    [InlineData("ftp://example.com/file", false)]
    [InlineData("/relative/path", false)]
    [InlineData("example.com", false)]
    [InlineData("https://", false)]
    [InlineData("https://exa mple.com", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_http_https_and_tg_urls_are_allowed(string? url, bool allowed) =>
        TelegramHtml.IsAllowedUrl(url).Should().Be(allowed);

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("<b>bold</b> and <i>italic</i>", "bold and italic")]
    [InlineData("a &lt; b &amp;&amp; c &gt; d &quot;q&quot;", "a < b && c > d \"q\"")]
    [InlineData("&#65;&#x42;&#1078;", "ABж")]
    [InlineData("<a href=\"https://x.kz/?a=1&amp;b=2\">link</a>", "link")]
    [InlineData("&#128512;", "😀")]
    public void Plain_text_removes_tags_and_decodes_entities(string html, string expected) =>
        TelegramHtml.ToPlainText(html).Should().Be(expected);

    [Theory]
    [InlineData("", 0)]
    [InlineData("<b>Жаңалық</b>", 7)]
    [InlineData("&amp;&lt;&gt;", 3)]
    [InlineData("😀", 2)]
    [InlineData("&#128512;", 2)]
    [InlineData("<pre><code class=\"language-cs\">var x;</code></pre>", 6)]
    public void Visible_length_counts_utf16_units_after_entity_parsing(string html, int expected) =>
        TelegramHtml.VisibleLength(html).Should().Be(expected);

    [Fact]
    public void Visible_length_rejects_text_that_is_not_telegram_html() =>
        FluentActions.Invoking(() => TelegramHtml.VisibleLength("a & b")).Should().Throw<ArgumentException>();
}
