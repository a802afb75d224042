namespace DigestBot.Core.Importing;

/// <summary>The kinds of seed file the importer understands.</summary>
internal enum DocumentFormat
{
    /// <summary>Text as copied from a web page, with its navigation and widgets.</summary>
    ScrapedText,

    /// <summary>Text or Markdown, optionally under a front-matter header between <c>---</c> lines.</summary>
    Markdown,

    /// <summary>One JSON object per line.</summary>
    JsonLines,

    /// <summary>An RSS, Atom or JSON Feed document.</summary>
    Feed,
}
