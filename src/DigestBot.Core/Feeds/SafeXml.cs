using System.Xml;
using System.Xml.Linq;

namespace DigestBot.Core.Feeds;

/// <summary>Reads feed XML without expanding any entity: a DTD that declares anything is refused before reading.</summary>
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

    /// <summary>The reader settings for a document that starts with <paramref name="start"/>, or null with the reason it is refused.</summary>
    public static XmlReaderSettings? SettingsFor(string start, out string? refusal)
    {
        refusal = null;
        switch (Doctype(start))
        {
            case { Name: "html" or "HTML" }:
                refusal = FeedParser.NotAFeed;
                return null;
            case { InternalSubset: true }:
                refusal = DtdRefused;
                return null;
            case not null:
                return IgnoreExternalDtd;
            default:
                return Strict;
        }
    }

    /// <summary>An element with its attributes, namespace declarations included, and no content yet.</summary>
    public static XElement ReadElement(XmlReader reader)
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
