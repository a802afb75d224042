using System.Xml;
using System.Xml.Linq;

namespace DigestBot.Core.Feeds;

/// <summary>
/// Loads feed XML without expanding any entity, and keeps what was read before a syntax error,
/// so that a feed cut off mid-download still yields its first items.
/// </summary>
internal static class SafeXml
{
    public const string DtdRefused = "refused: the feed declares a DTD (entities are not expanded)";

    private static readonly XmlReaderSettings Strict = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    /// <summary>
    /// Old RSS 0.91 feeds name Netscape's DTD without declaring anything themselves. Ignoring that DTD is safe:
    /// nothing is fetched (no resolver) and an entity it would have defined is an error, not an expansion.
    /// </summary>
    private static readonly XmlReaderSettings IgnoreExternalDtd = Strict.Clone();

    static SafeXml() => IgnoreExternalDtd.DtdProcessing = DtdProcessing.Ignore;

    /// <summary>The document's root, complete or cut at the error; null with the reason when no root element was read.</summary>
    /// <param name="error">The syntax error that ended reading early, with the line it was on.</param>
    public static XElement? Load(string text, out XmlException? error, out string? failure)
    {
        error = null;
        failure = null;
        var settings = Strict;
        switch (Doctype(text))
        {
            case { Name: "html" or "HTML" }:
                failure = FeedParser.NotAFeed;
                return null;
            case { InternalSubset: true }:
                failure = DtdRefused;
                return null;
            case not null:
                settings = IgnoreExternalDtd;
                break;
        }

        XElement? root = null;
        var open = new Stack<XElement>();
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), settings);
            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        var element = ReadElement(reader);
                        if (open.TryPeek(out var parent))
                        {
                            parent.Add(element);
                        }
                        else
                        {
                            root = element;
                        }

                        if (!reader.IsEmptyElement)
                        {
                            open.Push(element);
                        }

                        break;
                    case XmlNodeType.EndElement:
                        open.Pop();
                        break;
                    case XmlNodeType.Text or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace when open.Count > 0:
                        open.Peek().Add(new XText(reader.Value));
                        break;
                    case XmlNodeType.CDATA:
                        open.Peek().Add(new XCData(reader.Value));
                        break;
                }
            }
        }
        catch (XmlException e)
        {
            error = e;
            if (root is null)
            {
                failure = e.Message.Contains("DTD", StringComparison.Ordinal) ? DtdRefused : FeedParser.NotAFeed;
                return null;
            }

            // The elements still open at the error are incomplete; the innermost item among them goes, its siblings before it stay.
            open.FirstOrDefault(element => element.Name.LocalName is "item" or "entry")?.Remove();
        }

        return root;
    }

    /// <summary>True when the syntax error is the end of the text, i.e. the document was cut off rather than garbled.</summary>
    public static bool IsAtEnd(XmlException error, string text)
    {
        var lines = text.TrimEnd().AsSpan().Count('\n') + 1;
        return error.LineNumber >= lines;
    }

    private static XElement ReadElement(XmlReader reader)
    {
        var element = new XElement(XNamespace.Get(reader.NamespaceURI) + reader.LocalName);
        if (reader.MoveToFirstAttribute())
        {
            do
            {
                // Namespace declarations are kept so that XHTML content and extensions keep their own prefixes.
                var name = reader.NamespaceURI == XNamespace.Xmlns.NamespaceName
                    ? reader.LocalName == "xmlns" ? XName.Get("xmlns") : XNamespace.Xmlns + reader.LocalName
                    : XNamespace.Get(reader.NamespaceURI) + reader.LocalName;
                element.SetAttributeValue(name, reader.Value);
            }
            while (reader.MoveToNextAttribute());
            reader.MoveToElement();
        }

        return element;
    }

    /// <summary>The DOCTYPE before the root element, if any: its name and whether it declares anything itself ("[...]").</summary>
    private static (string Name, bool InternalSubset)? Doctype(string text)
    {
        var rest = text.AsSpan().TrimStart("\uFEFF \t\r\n");
        while (rest.StartsWith("<?") || rest.StartsWith("<!--"))
        {
            var close = rest.StartsWith("<?") ? "?>" : "-->";
            var end = rest.IndexOf(close);
            if (end < 0)
            {
                return null;
            }

            rest = rest[(end + close.Length)..].TrimStart(" \t\r\n");
        }

        if (!rest.StartsWith("<!DOCTYPE", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        rest = rest["<!DOCTYPE".Length..].TrimStart();
        var nameLength = rest.IndexOfAny(" \t\r\n[>");
        var name = (nameLength < 0 ? rest : rest[..nameLength]).ToString();
        var quote = '\0';
        foreach (var ch in rest)
        {
            if (quote != '\0')
            {
                quote = ch == quote ? '\0' : quote;
            }
            else if (ch is '"' or '\'')
            {
                quote = ch;
            }
            else if (ch is '[' or '>')
            {
                return (name, ch == '[');
            }
        }

        return (name, false);
    }
}
