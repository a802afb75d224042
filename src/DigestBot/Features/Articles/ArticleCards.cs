using DigestBot.Conversation;
using DigestBot.Core.Localization;
using DigestBot.Core.Rendering;
using DigestBot.Storage;
using DigestBot.Summaries;

namespace DigestBot.Features.Articles;

/// <summary>Renders articles the way every list shows them: title, age and source, summary, link.</summary>
public sealed class ArticleCards(IReaderSummaries summaries, TimeProvider time)
{
    private const int MaxSummaryChars = 420;

    /// <param name="snippets">Search snippets (already Telegram HTML) shown instead of the summary, by article id.</param>
    public async Task<string> RenderAsync(
        ChatTurn turn,
        IReadOnlyList<Article> articles,
        CancellationToken cancellationToken,
        IReadOnlyDictionary<long, string>? snippets = null)
    {
        var now = time.GetUtcNow();
        // A translating provider answers each article separately; asking for all at once keeps the reply quick.
        var written = await Task.WhenAll(articles.Select(a => summaries.GetAsync(a, turn.Language, cancellationToken)));
        var cards = new List<string>(articles.Count);
        foreach (var (article, summary) in articles.Zip(written))
        {
            var card = new MessageBuilder();
            var title = TextTruncation.Truncate(summary.Title, 200);
            if (article.Url is { } url && TelegramHtml.IsAllowedUrl(url))
            {
                card.Bold(b => b.Link(title, url));
            }
            else
            {
                card.Bold(title);
            }

            var age = article.PublishedAt is { } published
                ? RelativeTime.Format(published, now, turn.Language)
                : turn.Text("Article_DateUnknown");
            card.Line().Italic(article.Source is { Length: > 0 } source ? $"{age} · {source}" : age);

            if (snippets is not null && snippets.TryGetValue(article.Id, out var snippet) && snippet.Length > 0)
            {
                card.Line().Html(snippet);
            }
            else if (summary.Summary.Length > 0)
            {
                card.Line().Text(TextTruncation.Truncate(summary.Summary, MaxSummaryChars));
                if (summary.Language != turn.Language)
                {
                    card.Text(" ").Italic($"({turn.Text("Article_SummaryIn_" + summary.Language.ToString().ToLowerInvariant())})");
                }
            }

            cards.Add(card.ToString());
        }

        return string.Join("\n\n", cards);
    }
}
