namespace DigestBot.Core.Importing;

/// <summary>Splits a stream into lines at '\n', holding at most one line of up to a limit: a longer line is passed over
/// and only its length kept, so that memory stays flat however large the stream or its lines.</summary>
internal sealed class ByteLines(Stream stream, long maxLineBytes)
{
    private readonly byte[] buffer = new byte[64 * 1024];
    private readonly MemoryStream line = new();
    private int start;
    private int end;

    /// <summary>The next line without its line break, or false at the end of the stream.</summary>
    /// <param name="length">The line's length in bytes, also when it is over the limit.</param>
    /// <param name="content">The line, or null when it is over the limit; valid until the next call.</param>
    public bool Next(out long length, out ReadOnlyMemory<byte>? content)
    {
        line.SetLength(0);
        length = 0;
        var any = false;
        while (true)
        {
            if (start == end)
            {
                start = 0;
                end = stream.Read(buffer, 0, buffer.Length);
                if (end == 0)
                {
                    break;
                }
            }

            any = true;
            var rest = buffer.AsSpan(start, end - start);
            var newline = rest.IndexOf((byte)'\n');
            var part = newline < 0 ? rest : rest[..newline];
            length += part.Length;

            // One byte over the limit may be the CR of a CRLF line break.
            if (length <= maxLineBytes + 1)
            {
                line.Write(part);
            }

            start += newline < 0 ? part.Length : newline + 1;
            if (newline >= 0)
            {
                break;
            }
        }

        if (!any)
        {
            content = null;
            return false;
        }

        var bytes = line.GetBuffer().AsMemory(0, (int)line.Length);
        if (length == bytes.Length && bytes.Span is [.., (byte)'\r'])
        {
            bytes = bytes[..^1];
            length--;
        }

        // Not a conditional expression: null would turn into an empty ReadOnlyMemory through its conversion from byte[].
        content = null;
        if (length <= maxLineBytes)
        {
            content = bytes;
        }

        return true;
    }
}
