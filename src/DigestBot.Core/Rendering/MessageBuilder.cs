using System.Text;

namespace DigestBot.Core.Rendering;

/// <summary>Builds one Telegram HTML reply; text goes in through methods that escape it, so raw markup cannot slip in.</summary>
public sealed class MessageBuilder
{
    private readonly StringBuilder html = new();
    private readonly Stack<string> open = new();

    /// <summary>Appends escaped text.</summary>
    public MessageBuilder Text(string text)
    {
        html.Append(TelegramHtml.Escape(text));
        return this;
    }

    public MessageBuilder Line(string text = "") => Text(text).Text("\n");

    /// <summary>Ends the paragraph with a blank line, the boundary <see cref="MessageSplitter"/> prefers.</summary>
    public MessageBuilder Paragraph() => Text("\n\n");

    public MessageBuilder Bold(string text) => Bold(b => b.Text(text));

    public MessageBuilder Bold(Action<MessageBuilder> content) => Element("b", "<b>", content);

    public MessageBuilder Italic(string text) => Italic(b => b.Text(text));

    public MessageBuilder Italic(Action<MessageBuilder> content) => Element("i", "<i>", content);

    public MessageBuilder Underline(string text) => Element("u", "<u>", b => b.Text(text));

    public MessageBuilder Strikethrough(string text) => Element("s", "<s>", b => b.Text(text));

    public MessageBuilder Spoiler(string text) => Element("tg-spoiler", "<tg-spoiler>", b => b.Text(text));

    public MessageBuilder Code(string text) => Raw(TelegramHtml.Code(text));

    /// <summary>Appends a fragment that is already Telegram HTML (a localized text, a search snippet); it must be valid on its own.</summary>
    public MessageBuilder Html(string html)
    {
        var (valid, error) = TelegramHtmlValidator.Validate(html);
        return valid ? Raw(html) : throw new ArgumentException($"Not valid Telegram HTML: {error}", nameof(html));
    }

    public MessageBuilder Pre(string text, string? language = null) => Raw(TelegramHtml.Pre(text, language));

    /// <summary>Appends a link, or only its text when the URL is not allowed.</summary>
    public MessageBuilder Link(string text, string url) => Link(b => b.Text(text), url);

    public MessageBuilder Link(Action<MessageBuilder> content, string url) => TelegramHtml.IsAllowedUrl(url)
        ? Element("a", $"<a href=\"{TelegramHtml.EscapeAttribute(url)}\">", content)
        : Nested(content);

    /// <summary>Appends a block quotation; Telegram does not allow one inside another entity.</summary>
    public MessageBuilder Blockquote(Action<MessageBuilder> content, bool expandable = false)
    {
        if (open.Count > 0)
        {
            throw new InvalidOperationException($"A blockquote cannot be inside <{open.Peek()}>.");
        }

        return Element("blockquote", expandable ? "<blockquote expandable>" : "<blockquote>", content);
    }

    public override string ToString() => html.ToString();

    private MessageBuilder Element(string tag, string startTag, Action<MessageBuilder> content)
    {
        if (tag == "a" && open.Contains("a"))
        {
            throw new InvalidOperationException("A link cannot be inside another link.");
        }

        html.Append(startTag);
        open.Push(tag);
        try
        {
            content(this);
        }
        finally
        {
            open.Pop();
        }

        html.Append("</").Append(tag).Append('>');
        return this;
    }

    private MessageBuilder Nested(Action<MessageBuilder> content)
    {
        content(this);
        return this;
    }

    private MessageBuilder Raw(string html)
    {
        if (open.Contains("a"))
        {
            throw new InvalidOperationException("Code cannot be inside a link.");
        }

        this.html.Append(html);
        return this;
    }
}
