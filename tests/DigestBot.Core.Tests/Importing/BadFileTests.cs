using System.Text;
using DigestBot.Core.Articles;
using DigestBot.Core.Importing;

namespace DigestBot.Core.Tests.Importing;

public class BadFileTests
{
    private static readonly DocumentReader Reader = new();

    public static TheoryData<string, byte[], string> SkippedFiles => new()
    {
        { "empty.txt", [], "empty file" },
        { "blank.txt", " \r\n\t\n "u8.ToArray(), "empty file" },
        { "bom-only.txt", [0xEF, 0xBB, 0xBF, (byte)'\n'], "empty file" },
        { "image.txt", [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D], "binary file" },
        { "controls.txt", [.. "Текст"u8, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08], "binary file" },
        { "latin1.txt", Encoding.Latin1.GetBytes("Café crème à la française, déjà vu."), "not UTF-8 or Windows-1251 text" },
        { "garbage.txt", [0xC3, 0x28, 0xA0, 0xA1, 0x98, 0xE2, 0x28, 0xA1, 0x80, 0x81, 0x83, 0x8A, 0x8C], "not UTF-8 or Windows-1251 text" },
        { "noise.txt", "2871\nФото: Акорда\nПодписывайтесь на наш Telegram-канал!\n"u8.ToArray(), "no article text left after cleaning" },
    };

    [Theory]
    [MemberData(nameof(SkippedFiles))]
    public void Bad_file_is_skipped_with_a_short_reason(string fileName, byte[] content, string reason)
    {
        var result = Reader.Read(fileName, content);

        result.Skipped.Should().BeTrue();
        result.SkipReason.Should().Be(reason);
        result.Articles.Should().BeEmpty();
    }

    [Fact]
    public void A_file_over_the_limit_is_skipped_with_its_size()
    {
        var result = new DocumentReader(maxFileBytes: 100).Read("big.txt", new byte[101]);

        result.SkipReason.Should().Be("too large: 101 bytes, the limit is 100 (Seeds:MaxFileBytes)");
    }

    [Fact]
    public void Windows_1251_text_is_decoded()
    {
        var bytes = CodePagesEncodingProvider.Instance.GetEncoding(1251)!.GetBytes(
            "Выборы в маслихат\n\nИзбирательная комиссия подвела итоги голосования в Алматы. Явка составила 42 процента.");

        var article = Reader.Read("cp1251.txt", bytes).Articles.Should().ContainSingle().Subject;

        article.Title.Should().Be("Выборы в маслихат");
        article.Body.Should().Be("Избирательная комиссия подвела итоги голосования в Алматы. Явка составила 42 процента.");
        article.Language.Should().Be(Language.Ru);
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    public void Byte_order_marks_are_honoured(string encodingName)
    {
        var encoding = Encoding.GetEncoding(encodingName);
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes("Жаңа мектеп ашылды\n\nАлматыда 1200 оқушыға арналған жаңа мектеп ашылды.")).ToArray();

        var article = Reader.Read("bom.txt", bytes).Articles.Should().ContainSingle().Subject;

        article.Title.Should().Be("Жаңа мектеп ашылды");
        article.Language.Should().Be(Language.Kk);
    }

    [Fact]
    public void A_file_exactly_at_the_limit_is_read()
    {
        var content = "Short title here\n\nOne real paragraph of the article."u8.ToArray();

        new DocumentReader(maxFileBytes: content.Length).Read("edge.txt", content).Skipped.Should().BeFalse();
    }
}
