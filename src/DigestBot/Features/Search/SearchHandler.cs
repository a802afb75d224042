using DigestBot.Conversation;
using DigestBot.Core.Rendering;
using DigestBot.Features.Articles;
using DigestBot.Search;
using DigestBot.Storage;

namespace DigestBot.Features.Search;

/// <summary>/search &lt;query&gt;: ranked results across all languages with highlighted snippets, and paging.</summary>
public sealed class SearchHandler(IArticleSearch search, ArticleQueries articles, ArticleCards cards, SavedQueries saved, ArticleChanges changes, TimeProvider time) : IChatHandler
{
    public const int PageSize = 5;

    /// <summary>Longer queries are cut here; the reader is told.</summary>
    public const int MaxQueryChars = 256;

    public const string Action = "search";

    // The words of the day are searched by many readers: a page is ranked once and kept until the articles change. The
    // recency boost moves by hours, far slower than the page is kept.
    private readonly ReadCache<(string Query, int Page), SearchPage> pages = new(changes, time, ArticleQueries.KeptFor, 1024);

    public async Task HandleAsync(ChatTurn turn, CancellationToken cancellationToken)
    {
        if (turn.Callback is { } callback)
        {
            if (callback.Arguments.Count != 2 || !callback.TryGetInt32(1, out var page) || page < 1
                || await saved.FindAsync(callback.Arguments[0], cancellationToken) is not { } savedQuery)
            {
                await turn.RefuseStalePressAsync(cancellationToken);
                return;
            }

            await turn.TakePressAsync(removeButtons: true, cancellationToken);
            await ShowAsync(turn, savedQuery, page, null, cancellationToken);
            return;
        }

        var query = turn.Arguments;
        if (query.Length == 0)
        {
            await turn.ReplyAsync(turn.Text("Search_AskQuery"), cancellationToken);
            return;
        }

        string? note = null;
        if (query.Length > MaxQueryChars)
        {
            query = query[..MaxQueryChars];
            if (char.IsHighSurrogate(query[^1]))
            {
                query = query[..^1];
            }

            note = turn.Text("Search_TooLong", MaxQueryChars);
        }

        await ShowAsync(turn, query, 0, note, cancellationToken);
    }

    private async Task ShowAsync(ChatTurn turn, string query, int page, string? note, CancellationToken cancellationToken)
    {
        var results = await pages.GetOrReadAsync(
            (query, page), (key, ct) => search.SearchAsync(key.Query, null, key.Page * PageSize, PageSize, ct), cancellationToken);
        var shownQuery = TelegramHtml.Escape(Core.Localization.TextTruncation.Truncate(query, 100));
        var preface = note is null ? "" : $"<i>{note}</i>\n\n";
        if (results.Total == 0 || results.Hits.Count == 0)
        {
            await turn.ReplyAsync(preface + turn.Text("Search_None", shownQuery), cancellationToken);
            return;
        }

        var shown = await articles.GetAsync([.. results.Hits.Select(h => h.ArticleId)], cancellationToken);
        var snippets = results.Hits.ToDictionary(h => h.ArticleId, h => h.SnippetHtml);
        var found = results.Capped ? turn.Text("Search_FoundMore", results.Total) : turn.Count("Search_Found", results.Total);
        var header = turn.PageHeader(turn.Text("Search_Header", found, shownQuery), page);
        if (page == 0 && results.Capped)
        {
            header += $"\n<i>{turn.Text("Search_Broad", results.Total)}</i>";
        }

        var body = await cards.RenderAsync(turn, shown, cancellationToken, snippets);
        IReadOnlyList<IReadOnlyList<Button>>? buttons = null;
        if ((page + 1) * PageSize < results.Total)
        {
            var key = await saved.SaveAsync(query, cancellationToken);
            buttons = turn.MoreButton(true, Action, key, page + 1);
        }

        await turn.ReplyAsync(new OutgoingMessage($"{preface}{header}\n\n{body}", buttons), cancellationToken);
    }
}
