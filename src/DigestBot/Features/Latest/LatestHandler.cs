using System.Globalization;
using DigestBot.Conversation;
using DigestBot.Features.Articles;

namespace DigestBot.Features.Latest;

/// <summary>/latest [N]: the newest articles, with a button that pages on.</summary>
public sealed class LatestHandler(ArticleQueries articles, ArticleCards cards) : IChatHandler
{
    public const int DefaultCount = 5;
    public const int MaxCount = 20;
    public const string Action = "latest";

    public async Task HandleAsync(ChatTurn turn, CancellationToken cancellationToken)
    {
        int page, size;
        if (turn.Callback is { } callback)
        {
            if (!callback.TryGetInt32(0, out page) || !callback.TryGetInt32(1, out size) || page < 1 || size is < 1 or > MaxCount)
            {
                await turn.RefuseStalePressAsync(cancellationToken);
                return;
            }

            await turn.TakePressAsync(removeButtons: true, cancellationToken);
        }
        else
        {
            page = 0;
            size = DefaultCount;
            if (turn.Arguments.Length > 0 && (!int.TryParse(turn.Arguments, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxCount))
            {
                await turn.ReplyAsync(turn.Text("Latest_BadCount"), cancellationToken);
                return;
            }
        }

        var scope = new ReaderScope(turn.Language, turn.AllLanguages);
        // One more than shown tells whether a next page exists.
        var found = await articles.LatestAsync(scope, page * size, size + 1, cancellationToken);
        if (found.Count == 0)
        {
            await turn.ReplyAsync(turn.Text("Latest_Empty"), cancellationToken);
            return;
        }

        var header = turn.PageHeader(turn.Text("Latest_Header"), page);
        var shown = found.Take(size).ToList();
        var body = await cards.RenderAsync(turn, shown, cancellationToken);
        var buttons = turn.MoreButton(found.Count > size, Action, page + 1, size);
        await turn.ReplyAsync(new OutgoingMessage($"{header}\n\n{body}", buttons, shown[0].ImageUrl), cancellationToken);
    }
}
