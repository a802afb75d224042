using DigestBot.Core.Rendering;

namespace DigestBot.Core.Tests.Rendering;

public class TelegramHtmlValidatorTests
{
    [Theory]
    [InlineData("")]
    [InlineData("plain text, \"quotes\" and 'apostrophes'")]
    [InlineData("<b>bold</b>, <strong>bold</strong>")]
    [InlineData("<i>italic</i>, <em>italic</em>")]
    [InlineData("<u>underline</u>, <ins>underline</ins>")]
    [InlineData("<s>strike</s>, <strike>strike</strike>, <del>strike</del>")]
    [InlineData("<span class=\"tg-spoiler\">spoiler</span>, <tg-spoiler>spoiler</tg-spoiler>")]
    [InlineData("<b>bold <i>italic bold <s>strike <span class=\"tg-spoiler\">spoiler</span></s> <u>underline</u></i> bold</b>")]
    [InlineData("<a href=\"http://www.example.com/\">inline URL</a>")]
    [InlineData("<a href=\"tg://user?id=123456789\">mention</a>")]
    [InlineData("<a href=\"https://x.kz/?a=1&amp;b=&quot;2&quot;\"><b>bold link</b></a>")]
    [InlineData("<tg-emoji emoji-id=\"5368324170671202286\">👍</tg-emoji>")]
    [InlineData("<code>inline &lt;code&gt;</code>")]
    [InlineData("<pre>pre-formatted</pre>")]
    [InlineData("<pre><code class=\"language-python\">print(1)</code></pre>")]
    [InlineData("<pre><code>no language</code></pre>")]
    [InlineData("<blockquote>quote\nline two</blockquote>")]
    [InlineData("<blockquote expandable>long quote</blockquote>")]
    [InlineData("<blockquote><b>title</b> <a href=\"https://a.kz\">link</a> <code>c</code></blockquote>")]
    [InlineData("<b><code>bold code</code></b>")]
    [InlineData("&lt; &gt; &amp; &quot; &#65; &#x1F600; &#X41;")]
    [InlineData("<b >spaced tag</b >")]
    [InlineData("Жаңалықтар 😀 ✓")]
    public void Accepts_what_telegram_accepts(string html) =>
        TelegramHtmlValidator.Validate(html).Should().Be((true, (string?)null));

    [Theory]
    [InlineData("<p>paragraph</p>", "unsupported tag <p>")]
    [InlineData("<br>", "unsupported tag <br>")]
    [InlineData("<B>upper case</B>", "bare '<'")]
    [InlineData("<b>unclosed", "<b> at 0 is not closed")]
    [InlineData("closes nothing</b>", "</b> at 14 closes nothing")]
    [InlineData("<b><i>misnested</b></i>", "</b> at 15 closes <i> opened at 3")]
    [InlineData("<b>unterminated tag</b", "is not terminated")]
    [InlineData("1 < 2", "bare '<'")]
    [InlineData("2 > 1", "bare '>'")]
    [InlineData("Tom & Jerry", "bare '&'")]
    [InlineData("&nbsp;", "unsupported entity '&nbsp;'")]
    [InlineData("&copy;", "unsupported entity")]
    [InlineData("&#;", "unsupported entity")]
    [InlineData("&#xZZ;", "unsupported entity")]
    [InlineData("&#0;", "unsupported entity")]
    [InlineData("&#xD800;", "unsupported entity")]
    [InlineData("&#x110000;", "unsupported entity")]
    [InlineData("&#99999999999;", "bare '&'")]
    [InlineData("&#1114112;", "unsupported entity")]
    [InlineData("&amp", "bare '&'")]
    [InlineData("<b class=\"x\">attribute on b</b>", "takes no attributes")]
    [InlineData("<a>no href</a>", "needs exactly one href")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>", "only http, https and tg URLs")]
    [InlineData("<a href=\"/relative\">x</a>", "only http, https and tg URLs")]
    [InlineData("<a href='https://a.kz'>single quotes</a>", "double quotes")]
    [InlineData("<a href=https://a.kz>unquoted</a>", "double quotes")]
    [InlineData("<a href=\"https://a.kz\" title=\"t\">extra</a>", "needs exactly one href")]
    [InlineData("<a href=\"https://a.kz\" href=\"https://b.kz\">twice</a>", "repeated")]
    [InlineData("<a href=\"https://a.kz/?a&b\">bare amp in value</a>", "bare '&'")]
    [InlineData("<a href=\"https://a.kz\"><a href=\"https://b.kz\">nested</a></a>", "cannot be inside <a>")]
    [InlineData("<span>no class</span>", "class=\"tg-spoiler\"")]
    [InlineData("<span class=\"other\">x</span>", "class=\"tg-spoiler\"")]
    [InlineData("<code class=\"language-cs\">language outside pre</code>", "not directly inside <pre>")]
    [InlineData("<pre><code class=\"lang-cs\">x</code></pre>", "class=\"language-…\"")]
    [InlineData("<pre>text<code class=\"language-cs\">x</code></pre>", "only content of <pre>")]
    [InlineData("<pre><code>x</code>after</pre>", "must be followed by </pre>")]
    [InlineData("<code><b>bold in code</b></code>", "cannot be inside <code>")]
    [InlineData("<pre><b>bold in pre</b></pre>", "cannot be inside <pre>")]
    [InlineData("<blockquote><blockquote>nested</blockquote></blockquote>", "must not be inside another entity")]
    [InlineData("<b><blockquote>in bold</blockquote></b>", "must not be inside another entity")]
    [InlineData("<blockquote collapsed>x</blockquote>", "expandable")]
    [InlineData("<tg-emoji>👍</tg-emoji>", "numeric emoji-id")]
    [InlineData("<tg-emoji emoji-id=\"abc\">👍</tg-emoji>", "numeric emoji-id")]
    [InlineData("<b/>", "malformed tag")]
    [InlineData("</b x>", "malformed tag")]
    [InlineData("<>", "bare '<'")]
    [InlineData("<!-- comment -->", "bare '<'")]
    public void Rejects_what_telegram_rejects_with_a_reason(string html, string reason)
    {
        var (isValid, error) = TelegramHtmlValidator.Validate(html);

        isValid.Should().BeFalse();
        error.Should().Contain(reason);
    }
}
