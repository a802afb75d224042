using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace DigestBot.Core.Feeds;

/// <summary>
/// Reads an RSS or Atom document item by item: the feed's own elements are kept, each item is read whole, parsed with
/// the feed's elements around it by the same readers as ever, and dropped. Memory holds one item however long the feed.
/// A feed cut off mid-download still yields the items completed before the break.
/// </summary>
internal sealed class XmlFeedStream(TextReader text, string start, Uri? feedUrl, long maxItemBytes, List<string> problems)
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private XElement? root;
    private XElement? item;
    private long itemBytes;
    private bool skipping;
    private int number;

    /// <summary>Why the document is not a readable feed; set once reading has ended.</summary>
    public string? Failure { get; private set; }

    /// <summary>The feed's own title, site and language (no entries), from what was read; null when it is not a feed.</summary>
    public Feed? Channel => root is null || Failure is not null ? null : ReadRoot(root, KindOf(root)!.Value, feedUrl);

    /// <summary>Each item as it closes, with its number in the feed; an item over the size limit is a problem instead.</summary>
    public IEnumerable<(int Number, Feed Feed)> Items()
    {
        var settings = SafeXml.SettingsFor(start, out var refusal);
        if (settings is null)
        {
            Failure = refusal;
            yield break;
        }

        using var counting = new LineCountingReader(text);
        using var reader = XmlReader.Create(counting, settings);
        var open = new Stack<XElement>();
        FeedKind kind = default;
        XmlException? error = null;
        while (true)
        {
            (int, Feed)? ready = null;
            try
            {
                if (!reader.Read())
                {
                    break;
                }

                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        var element = SafeXml.ReadElement(reader);
                        if (root is null)
                        {
                            root = element;
                            if (KindOf(root) is not { } found)
                            {
                                Failure = FeedParser.NotAFeed;
                                yield break;
                            }

                            kind = found;
                        }
                        else if (!skipping)
                        {
                            open.Peek().Add(element);
                        }

                        if (item is null && element.Name.LocalName == (kind == FeedKind.Atom ? "entry" : "item"))
                        {
                            (item, itemBytes, skipping) = (element, 0, false);
                        }

                        if (item is not null)
                        {
                            itemBytes += element.Attributes().Sum(a => (long)Encoding.UTF8.GetByteCount(a.Value));
                        }

                        if (!reader.IsEmptyElement)
                        {
                            open.Push(element);
                        }
                        else if (element == item)
                        {
                            ready = Close(kind);
                        }

                        break;
                    case XmlNodeType.EndElement:
                        if (open.Pop() == item)
                        {
                            ready = Close(kind);
                        }

                        break;
                    case XmlNodeType.Text or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace or XmlNodeType.CDATA when open.Count > 0:
                        if (item is not null)
                        {
                            itemBytes += Encoding.UTF8.GetByteCount(reader.Value);
                            if (itemBytes > maxItemBytes && !skipping)
                            {
                                // Over the limit: what was kept goes, the rest is only counted.
                                skipping = true;
                                item.RemoveNodes();
                            }
                        }

                        if (!skipping)
                        {
                            open.Peek().Add(reader.NodeType == XmlNodeType.CDATA ? new XCData(reader.Value) : new XText(reader.Value));
                        }

                        break;
                }
            }
            catch (XmlException e)
            {
                error = e;
                break;
            }

            if (ready is { } next)
            {
                yield return next;
            }
        }

        if (error is null)
        {
            yield break;
        }

        if (root is null)
        {
            Failure = error.Message.Contains("DTD", StringComparison.Ordinal) ? SafeXml.DtdRefused : FeedParser.NotAFeed;
        }
        else if (number == 0)
        {
            Failure = $"unreadable XML before the first complete item: {error.Message}";
        }
        else
        {
            // The item open at the error is incomplete and goes; the ones before it stay.
            item?.Remove();
            problems.Add(error.LineNumber >= counting.DrainAndCountLines()
                ? $"feed is truncated after item {number}"
                : $"unreadable XML after item {number}: {error.Message}");
        }
    }

    private (int, Feed)? Close(FeedKind kind)
    {
        number++;
        (int, Feed)? result = null;
        if (skipping)
        {
            problems.Add(FormattableString.Invariant($"item {number}: too large: {itemBytes:N0} bytes, the limit is {maxItemBytes:N0} (Seeds:MaxArticleBytes)"));
        }
        else
        {
            var feed = ReadRoot(root!, kind, feedUrl);
            foreach (var entry in feed.Entries)
            {
                FeedValues.Check(entry, number, problems);
            }

            result = (number, feed);
        }

        item!.Remove();
        (item, skipping) = (null, false);
        return result;
    }

    private static FeedKind? KindOf(XElement root) => root.Name.LocalName switch
    {
        "rss" or "RDF" => FeedKind.Rss,
        "feed" => FeedKind.Atom,
        _ => null,
    };

    /// <summary>The feed's elements and at most one item, through Syndication, or the plain reader for what it does not read.</summary>
    private static Feed ReadRoot(XElement root, FeedKind kind, Uri? feedUrl) =>
        // Syndication reads RSS 2.0 and namespaced Atom; RDF, other RSS versions and bare Atom go to the plain reader.
        (root.Name.LocalName == "RDF" || (kind == FeedKind.Atom && root.Name.Namespace != Atom)
            ? null
            : SyndicationReader.Read(root, kind, feedUrl))
        ?? PlainXmlReader.Read(root, kind, feedUrl);

    /// <summary>Counts lines as the XML reader takes text, so that an error can be told to sit on the last line (a cut
    /// download) or before it (garbage), as the whole text would tell.</summary>
    private sealed class LineCountingReader(TextReader inner) : TextReader
    {
        private int lines;
        private int linesAtLastText;

        public override int Peek() => inner.Peek();

        public override int Read()
        {
            var ch = inner.Read();
            if (ch >= 0)
            {
                Count([(char)ch]);
            }

            return ch;
        }

        public override int Read(char[] buffer, int index, int count)
        {
            var read = inner.Read(buffer, index, count);
            Count(buffer.AsSpan(index, read));
            return read;
        }

        public override int Read(Span<char> buffer)
        {
            var read = inner.Read(buffer);
            Count(buffer[..read]);
            return read;
        }

        /// <summary>Reads what is left and returns the number of lines up to the last one with text.</summary>
        public int DrainAndCountLines()
        {
            var buffer = new char[8192];
            int read;
            do
            {
                read = Read(buffer, 0, buffer.Length);
            }
            while (read > 0);

            return linesAtLastText + 1;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        private void Count(ReadOnlySpan<char> text)
        {
            foreach (var ch in text)
            {
                if (ch == '\n')
                {
                    lines++;
                }
                else if (!char.IsWhiteSpace(ch))
                {
                    linesAtLastText = lines;
                }
            }
        }
    }
}
