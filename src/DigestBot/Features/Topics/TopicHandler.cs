using DigestBot.Conversation;
using DigestBot.Core.Localization;
using DigestBot.Core.Rendering;
using DigestBot.Core.Topics;
using DigestBot.Features.Articles;

namespace DigestBot.Features.Topics;

/// <summary>/topic: the topics as buttons with counts; /topic &lt;name&gt;: that topic's newest articles.</summary>
public sealed class TopicHandler(TopicCatalog catalog, ArticleQueries articles, ArticleCards cards) : IChatHandler
{
    public const int PageSize = 5;
    public const string Action = "topic";
    public const string CatalogAction = "topics";

    public async Task HandleAsync(ChatTurn turn, CancellationToken cancellationToken)
    {
        if (turn.Callback is { Action: CatalogAction })
        {
            await turn.TakePressAsync(removeButtons: false, cancellationToken);
            await ShowCatalogAsync(turn, cancellationToken);
            return;
        }

        if (turn.Callback is { } callback)
        {
            if (callback.Arguments.Count != 2 || catalog.Get(callback.Arguments[0]) is not { } pressed || !callback.TryGetInt32(1, out var page) || page < 0)
            {
                await turn.RefuseStalePressAsync(cancellationToken);
                return;
            }

            // The first page answers a topic button of the catalog, which stays to be pressed again.
            await turn.TakePressAsync(removeButtons: page > 0, cancellationToken);

            await ShowTopicAsync(turn, pressed, page, cancellationToken);
            return;
        }

        if (turn.Arguments.Length == 0)
        {
            await ShowCatalogAsync(turn, cancellationToken);
            return;
        }

        if (catalog.Find(turn.Arguments) is { } topic)
        {
            await ShowTopicAsync(turn, topic, 0, cancellationToken);
            return;
        }

        var unknown = turn.Text("Topic_Unknown", TelegramHtml.Escape(TextTruncation.Truncate(turn.Arguments, 64)));
        var nearest = catalog.Nearest(turn.Arguments);
        if (nearest.Count == 0)
        {
            await ShowCatalogAsync(turn, cancellationToken, unknown);
            return;
        }

        IReadOnlyList<IReadOnlyList<Button>> buttons = [.. nearest.Select(t => (IReadOnlyList<Button>)[TopicButton(turn, t, null)])];
        await turn.ReplyAsync(new OutgoingMessage($"{unknown}\n{turn.Text("Topic_Nearest")}", buttons), cancellationToken);
    }

    private async Task ShowCatalogAsync(ChatTurn turn, CancellationToken cancellationToken, string? preface = null)
    {
        var scope = new ReaderScope(turn.Language, turn.AllLanguages);
        var counts = await articles.TopicCountsAsync(scope, cancellationToken);
        var shown = catalog.All
            .Where(t => counts.GetValueOrDefault(t.Id) > 0)
            .OrderByDescending(t => counts[t.Id])
            .ThenBy(t => t.Name(turn.Language), StringComparer.CurrentCulture)
            .ToList();
        var intro = preface is null ? "" : preface + "\n\n";
        if (shown.Count == 0)
        {
            await turn.ReplyAsync(intro + turn.Text("Topic_None"), cancellationToken);
            return;
        }

        IReadOnlyList<IReadOnlyList<Button>> rows = [.. shown.Chunk(2).Select(pair => (IReadOnlyList<Button>)[.. pair.Select(t => TopicButton(turn, t, counts[t.Id]))])];
        await turn.ReplyAsync(new OutgoingMessage(intro + turn.Text("Topic_Choose"), rows), cancellationToken);
    }

    private async Task ShowTopicAsync(ChatTurn turn, Topic topic, int page, CancellationToken cancellationToken)
    {
        var scope = new ReaderScope(turn.Language, turn.AllLanguages);
        var found = await articles.ByTopicAsync(topic.Id, scope, page * PageSize, PageSize + 1, cancellationToken);
        var name = topic.Name(turn.Language);
        if (found.Count == 0)
        {
            IReadOnlyList<IReadOnlyList<Button>> back = [[new Button(turn.Text("Button_Topics"), CallbackData.Build(CatalogAction))]];
            await turn.ReplyAsync(new OutgoingMessage(turn.Text("Topic_Empty", TelegramHtml.Escape(name)), page == 0 ? null : back), cancellationToken);
            return;
        }

        var total = await articles.CountByTopicAsync(topic.Id, scope, cancellationToken);
        var header = turn.PageHeader(turn.Text("Topic_Header", TelegramHtml.Escape(name), turn.Count("Topic_Articles", total)), page);

        var body = await cards.RenderAsync(turn, [.. found.Take(PageSize)], cancellationToken);
        var buttons = turn.MoreButton(found.Count > PageSize, Action, topic.Id, page + 1);
        await turn.ReplyAsync(new OutgoingMessage($"{header}\n\n{body}", buttons), cancellationToken);
    }

    private static Button TopicButton(ChatTurn turn, Topic topic, int? count) =>
        new(count is { } n ? $"{topic.Name(turn.Language)} ({n})" : topic.Name(turn.Language), CallbackData.Build(Action, topic.Id, "0"));
}
