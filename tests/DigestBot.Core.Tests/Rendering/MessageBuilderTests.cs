using DigestBot.Core.Rendering;

namespace DigestBot.Core.Tests.Rendering;

public class MessageBuilderTests
{
    [Fact]
    public void Builds_escaped_nested_markup()
    {
        var html = new MessageBuilder()
            .Bold(b => b.Text("Топ <3> ").Italic("& more"))
            .Paragraph()
            .Link(l => l.Bold("Read"), "https://example.com/a?b=1&c=2")
            .Line()
            .Code("a<b")
            .Text(" ")
            .Spoiler("end")
            .ToString();

        html.Should().Be(
            "<b>Топ &lt;3&gt; <i>&amp; more</i></b>\n\n<a href=\"https://example.com/a?b=1&amp;c=2\"><b>Read</b></a>\n<code>a&lt;b</code> <tg-spoiler>end</tg-spoiler>");
        TelegramHtmlValidator.Validate(html).Should().Be((true, (string?)null));
    }

    [Fact]
    public void A_link_with_a_forbidden_url_keeps_only_its_text()
    {
        var html = new MessageBuilder().Link("x", "javascript:void(0)").ToString();

        html.Should().Be("x");
    }

    [Fact]
    public void Blockquote_wraps_its_content_and_may_be_expandable()
    {
        var html = new MessageBuilder()
            .Blockquote(q => q.Bold("Title").Line().Text("body"), expandable: true)
            .Underline("u")
            .Strikethrough("s")
            .Pre("code", "csharp")
            .ToString();

        html.Should().Be("<blockquote expandable><b>Title</b>\nbody</blockquote><u>u</u><s>s</s><pre><code class=\"language-csharp\">code</code></pre>");
        TelegramHtmlValidator.Validate(html).IsValid.Should().BeTrue();
    }

    [Fact]
    public void Nesting_that_telegram_rejects_fails_at_build_time()
    {
        FluentActions.Invoking(() => new MessageBuilder().Bold(b => b.Blockquote(q => q.Text("x"))))
            .Should().Throw<InvalidOperationException>();
        FluentActions.Invoking(() => new MessageBuilder().Link(l => l.Link("inner", "https://b.kz"), "https://a.kz"))
            .Should().Throw<InvalidOperationException>();
        FluentActions.Invoking(() => new MessageBuilder().Link(l => l.Code("x"), "https://a.kz"))
            .Should().Throw<InvalidOperationException>();
    }
}
