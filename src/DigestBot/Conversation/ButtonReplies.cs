using System.Globalization;
using DigestBot.Core.Rendering;

namespace DigestBot.Conversation;

/// <summary>What every handler with buttons does alike: taking a press, refusing a stale one, marking a choice, paging on.</summary>
public static class ButtonReplies
{
    /// <summary>The mark before the current choice in a row of buttons.</summary>
    public static string Tick(bool on) => on ? "✓ " : "";

    /// <summary>Answers a press that no longer means anything: its message is old, or what it named is gone.</summary>
    public static Task RefuseStalePressAsync(this ChatTurn turn, CancellationToken cancellationToken) =>
        turn.AnswerCallbackAsync(turn.Text("Callback_Stale"), cancellationToken);

    /// <summary>Answers a press; when the answer is a new message, the old one loses its buttons so that they are not
    /// pressed twice.</summary>
    public static async Task TakePressAsync(this ChatTurn turn, bool removeButtons, CancellationToken cancellationToken)
    {
        await turn.AnswerCallbackAsync(null, cancellationToken);
        if (removeButtons)
        {
            await turn.Replies.RemoveButtonsAsync(turn.ChatId, turn.CallbackMessageId!.Value, cancellationToken);
        }
    }

    /// <summary>The header of a page of a list: the first page plain, later ones with their number.</summary>
    public static string PageHeader(this ChatTurn turn, string header, int page) =>
        page == 0 ? header : $"{header} · {turn.Text("Page", page + 1)}";

    /// <summary>The "More ›" button whose press shows the next page, when there is one.</summary>
    public static IReadOnlyList<IReadOnlyList<Button>>? MoreButton(this ChatTurn turn, bool more, string action, params object[] arguments) =>
        more
            ? [[new Button(turn.Text("Button_More"), CallbackData.Build(action, [.. arguments.Select(a => Convert.ToString(a, CultureInfo.InvariantCulture)!)]))]]
            : null;
}
