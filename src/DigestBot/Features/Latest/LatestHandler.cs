using System.Globalization;
using DigestBot.Conversation;
using DigestBot.Core.Rendering;
using DigestBot.Features.Articles;

namespace DigestBot.Features.Latest;

/// <summary>/latest [N]: the newest articles, with a button that pages on.</summary>
public sealed class LatestHandler(ArticleQueries articles, ArticleCards cards) : IChatHandler
{
    public const int DefaultCount = 5;
    public const int MaxCount = 20;
    private const string Action = "latest";

    public IReadOnlyList<string> Commands => ["latest"];

    public IReadOnlyList<string> CallbackActions => [Action];

    public async Task HandleAsync(ChatTurn turn, CancellationToken cancellationToken)
    {
        int page, size;
        if (turn.Callback is { } callback)
        {
            if (!callback.TryGetInt32(0, out page) || !callback.TryGetInt32(1, out size) || page < 1 || size is < 1 or > MaxCount)
            {
                await turn.AnswerCallbackAsync(turn.Text("Callback_Stale"), cancellationToken);
                return;
            }

            await turn.AnswerCallbackAsync(null, cancellationToken);
            await turn.Replies.RemoveButtonsAsync(turn.ChatId, turn.CallbackMessageId!.Value, cancellationToken);
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

        var header = page == 0 ? turn.Text("Latest_Header") : $"{turn.Text("Latest_Header")} · {turn.Text("Page", page + 1)}";
        var shown = found.Take(size).ToList();
        var body = await cards.RenderAsync(turn, shown, cancellationToken);
        IReadOnlyList<IReadOnlyList<Button>>? buttons = found.Count > size
            ? [[new Button(turn.Text("Button_More"), CallbackData.Build(Action, (page + 1).ToString(CultureInfo.InvariantCulture), size.ToString(CultureInfo.InvariantCulture)))]]
            : null;
        await turn.ReplyAsync(new OutgoingMessage($"{header}\n\n{body}", buttons, shown[0].ImageUrl), cancellationToken);
    }
}
