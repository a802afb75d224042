using System.Text;
using DigestBot.Core.Rendering;

namespace DigestBot.Core.Tests.Rendering;

public class MessageSplitterTests
{
    [Theory]
    [InlineData("")]
    [InlineData("short <b>reply</b>")]
    public void A_reply_that_fits_is_returned_unchanged(string html) =>
        MessageSplitter.Split(html).Should().Equal(html);

    [Fact]
    public void Long_text_is_cut_between_paragraphs()
    {
        var paragraphs = Enumerable.Range(1, 12).Select(i => $"<b>Новость {i}</b>\n" + Words(40, i)).ToList();
        var html = string.Join("\n\n", paragraphs);

        var parts = SplitAndCheck(html, 1000);

        parts.Should().HaveCountGreaterThan(1);
        var paragraphsInParts = parts.SelectMany(p => p.Split("\n\n")).ToList();
        paragraphsInParts.Should().Equal(paragraphs, "no paragraph is cut when paragraphs are shorter than a part");
    }

    [Fact]
    public void One_huge_paragraph_is_cut_at_sentence_ends()
    {
        var html = string.Concat(Enumerable.Range(1, 80).Select(i => $"Предложение номер {i} о погоде в Алматы. "));

        var parts = SplitAndCheck(html, 500);

        parts.Should().HaveCountGreaterThan(1);
        parts.Should().OnlyContain(p => p.TrimEnd().EndsWith('.'));
    }

    [Fact]
    public void Lines_are_kept_whole_when_there_are_no_paragraphs()
    {
        var lines = Enumerable.Range(1, 60).Select(i => $"• пункт {i}: {Words(6, i)}").ToList();
        var html = string.Join("\n", lines);

        var parts = SplitAndCheck(html, 400);

        parts.SelectMany(p => p.Split('\n')).Should().Equal(lines);
    }

    [Fact]
    public void Text_without_spaces_is_cut_hard_at_the_limit()
    {
        var html = new string('ж', 10_000);

        var parts = SplitAndCheck(html, 4096);

        parts.Select(p => p.Length).Should().Equal(4096, 4096, 1808);
    }

    [Fact]
    public void Entities_and_surrogate_pairs_are_never_cut()
    {
        var html = string.Concat(Enumerable.Repeat("&amp;😀&#128512;&lt;👍🏽", 400));

        var parts = SplitAndCheck(html, 97);

        parts.Should().OnlyContain(p => !char.IsHighSurrogate(p[p.Length - 1]) && !char.IsLowSurrogate(p[0]));
    }

    [Fact]
    public void Tags_open_at_a_cut_are_closed_and_reopened_with_their_attributes()
    {
        var html = "<b>Главное: <i>" + Words(200, 1) + "</i></b> <a href=\"https://example.com/?a=1&amp;b=2\">" + Words(200, 2) + "</a>";

        var parts = SplitAndCheck(html, 700);

        parts[0].Should().StartWith("<b>Главное: <i>").And.EndWith("</i></b>");
        parts[1].Should().StartWith("<b><i>");
        parts.Where(p => p.Contains("</a>", StringComparison.Ordinal)).Should()
            .OnlyContain(p => p.StartsWith("<a href=\"https://example.com/?a=1&amp;b=2\">", StringComparison.Ordinal) || p.Contains("</b> <a href", StringComparison.Ordinal));
    }

    [Fact]
    public void A_code_block_keeps_its_language_in_every_part()
    {
        var code = string.Join("\n", Enumerable.Range(1, 100).Select(i => $"var x{i} = a &lt; b;"));
        var html = $"<pre><code class=\"language-csharp\">{code}</code></pre>";

        var parts = SplitAndCheck(html, 500);

        parts.Should().HaveCountGreaterThan(2).And.OnlyContain(p =>
            p.StartsWith("<pre><code class=\"language-csharp\">", StringComparison.Ordinal) && p.EndsWith("</code></pre>", StringComparison.Ordinal));
    }

    [Fact]
    public void A_custom_emoji_is_never_split()
    {
        var emoji = "<tg-emoji emoji-id=\"5368324170671202286\">👍🏽</tg-emoji>";
        var html = string.Concat(Enumerable.Repeat(emoji, 100));

        var parts = SplitAndCheck(html, 200);

        parts.Should().OnlyContain(p => p.Replace(emoji, "", StringComparison.Ordinal).Length == 0);
    }

    [Fact]
    public void Invalid_html_is_refused() =>
        FluentActions.Invoking(() => MessageSplitter.Split("a & b", 2)).Should().Throw<ArgumentException>();

    [Fact]
    public void A_limit_smaller_than_the_markup_is_refused() =>
        FluentActions.Invoking(() => MessageSplitter.Split("<a href=\"https://example.com/long/path\">" + Words(50, 1) + "</a>", 40))
            .Should().Throw<ArgumentException>();

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Random_markup_splits_into_valid_parts_that_lose_only_whitespace(int seed)
    {
        var random = new Random(seed);
        var html = RandomHtml.Generate(random, random.Next(200, 5000));
        TelegramHtmlValidator.Validate(html).IsValid.Should().BeTrue("the generator writes valid markup: {0}", html);
        var maxLength = random.Next(150, 900);

        SplitAndCheck(html, maxLength);
    }

    public static TheoryData<int> Seeds()
    {
        var seeds = new TheoryData<int>();
        foreach (var seed in Enumerable.Range(1, 150))
        {
            seeds.Add(seed);
        }

        return seeds;
    }

    private static IReadOnlyList<string> SplitAndCheck(string html, int maxLength)
    {
        var parts = MessageSplitter.Split(html, maxLength);

        foreach (var part in parts)
        {
            part.Length.Should().BeLessThanOrEqualTo(maxLength);
            TelegramHtmlValidator.Validate(part).Should().Be((true, (string?)null), "part {0} of {1} must be valid", part, html);
            TelegramHtml.ToPlainText(part).Trim().Should().NotBeEmpty();
        }

        var visible = string.Concat(parts.Select(TelegramHtml.ToPlainText));
        WithoutWhitespace(visible).Should().Be(WithoutWhitespace(TelegramHtml.ToPlainText(html)));
        return parts;
    }

    private static string WithoutWhitespace(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static string Words(int count, int seed)
    {
        var random = new Random(seed);
        string[] vocabulary = ["новости", "тенге", "курс", "Астана", "bank", "жаңалық", "ауа", "райы", "&amp;", "рост", "цены"];
        return string.Join(' ', Enumerable.Range(0, count).Select(_ => vocabulary[random.Next(vocabulary.Length)]));
    }

    /// <summary>Writes random but valid Telegram HTML: nested formatting, links, code, quotes, emoji and entities.</summary>
    private static class RandomHtml
    {
        private static readonly string[] Fragments =
        [
            "слово", "жаңалық", "news", "Алматы", "курс", "&amp;", "&lt;", "&gt;", "&quot;", "&#128512;", "&#1078;", "😀", "👍🏽",
            "🇰🇿", "a", "очень-длинное-слово-без-пробелов-которое-тянется", ". ", "! ", "? ", "… ", " ", " ", " ", " ", "\n", "\n\n",
        ];

        private static readonly string[] Formatting = ["b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "tg-spoiler"];

        public static string Generate(Random random, int targetLength)
        {
            var html = new StringBuilder();
            while (html.Length < targetLength)
            {
                switch (random.Next(10))
                {
                    case 0:
                        html.Append(random.Next(2) == 0 ? "<blockquote>" : "<blockquote expandable>")
                            .Append(Inline(random, 2, inLink: false)).Append("</blockquote>");
                        break;
                    case 1:
                        html.Append(random.Next(2) == 0
                            ? $"<pre>{Text(random, 30)}</pre>"
                            : $"<pre><code class=\"language-python\">{Text(random, 30)}</code></pre>");
                        break;
                    default:
                        html.Append(Inline(random, 3, inLink: false));
                        break;
                }
            }

            return html.ToString();
        }

        private static string Inline(Random random, int depth, bool inLink)
        {
            var html = new StringBuilder();
            var items = random.Next(1, 6);
            for (var i = 0; i < items; i++)
            {
                var choice = depth == 0 ? 0 : random.Next(8);
                switch (choice)
                {
                    case 1 or 2:
                        var tag = Formatting[random.Next(Formatting.Length)];
                        html.Append('<').Append(tag).Append('>').Append(Inline(random, depth - 1, inLink)).Append("</").Append(tag).Append('>');
                        break;
                    case 3:
                        html.Append("<span class=\"tg-spoiler\">").Append(Inline(random, depth - 1, inLink)).Append("</span>");
                        break;
                    case 4 when !inLink:
                        html.Append("<a href=\"https://example.com/?q=").Append(random.Next(1000)).Append("&amp;x=1\">")
                            .Append(Inline(random, depth - 1, inLink: true)).Append("</a>");
                        break;
                    case 5 when !inLink:
                        html.Append("<code>").Append(Text(random, 8)).Append("</code>");
                        break;
                    case 6 when !inLink:
                        html.Append("<tg-emoji emoji-id=\"5368324170671202286\">👍</tg-emoji>");
                        break;
                    default:
                        html.Append(Text(random, 40));
                        break;
                }
            }

            return html.ToString();
        }

        private static string Text(Random random, int maxFragments) =>
            string.Concat(Enumerable.Range(0, random.Next(1, maxFragments)).Select(_ => Fragments[random.Next(Fragments.Length)]));
    }
}
