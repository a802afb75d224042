using DigestBot.Core.Articles;
using DigestBot.Core.Localization;
using DigestBot.Core.Rendering;

namespace DigestBot.Core.Digests;

/// <summary>Renders a digest as Telegram HTML: a header with the title and the date, then the numbered stories.</summary>
public static class DigestRenderer
{
    public const int MaxTitleChars = 200;
    public const int MaxSummaryChars = 600;

    /// <summary>The digest as messages to send in order: one, or more when it is longer than Telegram allows.</summary>
    public static IReadOnlyList<string> Render(Digest digest, DigestTexts texts)
    {
        ArgumentNullException.ThrowIfNull(digest);
        ArgumentNullException.ThrowIfNull(texts);
        var language = digest.Language;
        var message = new MessageBuilder()
            .Bold(texts.Title).Line()
            .Italic(DateWords.FormatWithWeekday(digest.Window.Day, language));

        for (var i = 0; i < digest.Items.Count; i++)
        {
            message.Paragraph();
            RenderItem(message, i + 1, digest.Items[i], language, texts);
        }

        return MessageSplitter.Split(message.ToString());
    }

    private static void RenderItem(MessageBuilder message, int number, DigestItem item, Language reader, DigestTexts texts)
    {
        var article = item.Article;
        var title = TextTruncation.Truncate(article.Title.Trim(), MaxTitleChars);
        message.Text($"{number}. ");
        if (article.Url is { } url && TelegramHtml.IsAllowedUrl(url))
        {
            message.Bold(b => b.Link(title, url));
        }
        else
        {
            message.Bold(title);
        }

        if (article.Source is { Length: > 0 } source)
        {
            message.Line().Italic(source.Trim());
        }

        if (article.Summary.Trim() is { Length: > 0 } summary)
        {
            message.Line().Text(TextTruncation.Truncate(summary, MaxSummaryChars));
            if (article.SummaryLanguage != reader)
            {
                message.Text(" ").Italic($"({LanguageName(article.SummaryLanguage, texts)})");
            }
        }

        var others = item.AlsoReported
            .Select(other => Mention(other, article, reader, texts))
            .Where(mention => mention.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (others.Count > 0)
        {
            message.Line().Italic($"{texts.AlsoReported}: {string.Join(", ", others)}");
        }
    }

    // "Kazinform (на казахском)", "Egemen", or only the language when the source is unknown; nothing for a second
    // report by the shown article's source in the same language.
    private static string Mention(DigestCandidate other, DigestCandidate shown, Language reader, DigestTexts texts)
    {
        var source = other.Source?.Trim() ?? "";
        if (other.SummaryLanguage == reader)
        {
            return string.Equals(source, shown.Source?.Trim(), StringComparison.OrdinalIgnoreCase) ? "" : source;
        }

        var language = LanguageName(other.SummaryLanguage, texts);
        return source.Length > 0 ? $"{source} ({language})" : language;
    }

    private static string LanguageName(Language language, DigestTexts texts) =>
        texts.SummaryIn.TryGetValue(language, out var name) ? name : language.ToCode();
}
