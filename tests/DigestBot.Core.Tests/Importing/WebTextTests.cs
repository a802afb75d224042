using System.Globalization;
using System.Text;
using DigestBot.Core.Importing;

namespace DigestBot.Core.Tests.Importing;

public class WebTextTests
{
    private const string Russian = "Национальный банк сохранил базовую ставку на уровне 16,5% годовых.";

    [Theory]
    [InlineData("windows-1251", false, "windows-1251", "<html><head><title>Новости</title></head><body><p>{0}</p></body></html>")]
    [InlineData("windows-1251", false, null, "<html><head><meta charset=\"windows-1251\"><title>Новости</title></head><body><p>{0}</p></body></html>")]
    [InlineData("windows-1251", false, null, "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"></head><body><p>{0}</p></body></html>")]
    [InlineData("windows-1251", false, null, "<?xml version=\"1.0\" encoding=\"windows-1251\"?><rss version=\"2.0\"><channel><title>{0}</title></channel></rss>")]
    [InlineData("utf-8", true, "windows-1251", "<html><body><p>{0}</p></body></html>")]
    [InlineData("koi8-r", false, "koi8-r", "<html><body><p>{0}</p></body></html>")]
    [InlineData("koi8-r", false, "\"KOI8-R\"", "<html><body><p>{0}</p></body></html>")]
    [InlineData("koi8-r", false, null, "<html><head><meta charset='koi8-r'></head><body><p>{0}</p></body></html>")]
    [InlineData("windows-1251", false, null, "<html><body><p>{0}</p></body></html>")]
    [InlineData("windows-1251", false, "x-no-such-charset", "<html><head><meta charset=\"no-such-either\"></head><body><p>{0}</p></body></html>")]
    [InlineData("utf-8", false, null, "<html><body><p>{0}</p></body></html>")]
    [InlineData("utf-8", false, "utf-8", "<html><head><meta charset=\"windows-1251\"></head><body><p>{0}</p></body></html>")]
    [InlineData("utf-16", true, "windows-1251", "<html><body><p>{0}</p></body></html>")]
    public void A_body_decodes_by_bom_then_header_then_declaration_then_utf8_then_windows_1251(string writtenIn, bool bom, string? header, string page)
    {
        var text = string.Format(CultureInfo.InvariantCulture, page, Russian);
        var encoding = CodePagesEncodingProvider.Instance.GetEncoding(writtenIn) ?? Encoding.GetEncoding(writtenIn);
        byte[] body = bom ? [.. encoding.Preamble, .. encoding.GetBytes(text)] : encoding.GetBytes(text);

        WebText.DecodeWeb(body, header).Should().Be(text);
    }
}
