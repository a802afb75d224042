using System.Text;
using DigestBot.Core.Articles;

namespace DigestBot.Core.Importing;

/// <summary>Turns the bytes of one seed file into article drafts, whatever format it is in.</summary>
public sealed class DocumentReader(long maxBytes = DocumentReader.DefaultMaxBytes)
{
    public const long DefaultMaxBytes = 8 * 1024 * 1024;

    public long MaxBytes { get; } = maxBytes;

    public DocumentReadResult Read(string fileName, ReadOnlySpan<byte> content)
    {
        if (content.Length > MaxBytes)
        {
            return DocumentReadResult.Skip($"larger than {MaxBytes} bytes");
        }

        var text = Encoding.UTF8.GetString(content).Trim();
        if (text.Length == 0)
        {
            return DocumentReadResult.Skip("empty");
        }

        var lines = text.Split('\n', 2);
        var body = lines.Length > 1 ? lines[1].Trim() : lines[0];
        return new DocumentReadResult([new ArticleDraft("", lines[0].Trim(), body, Language.Ru, null, null, null, [])], null, []);
    }
}
