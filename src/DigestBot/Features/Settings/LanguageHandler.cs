using DigestBot.Conversation;
using DigestBot.Core.Articles;
using DigestBot.Core.Rendering;

namespace DigestBot.Features.Settings;

/// <summary>/language: the picker, and the choice stored per chat.</summary>
public sealed class LanguageHandler(ChatDirectory chats) : IChatHandler
{
    public const string Action = "lang";

    public IReadOnlyList<string> Commands => ["language"];

    public IReadOnlyList<string> CallbackActions => [Action];

    /// <summary>Each language named in itself, so that anyone finds their own.</summary>
    public static IReadOnlyList<IReadOnlyList<Button>> Picker { get; } =
    [
        [
            new Button("Русский", CallbackData.Build(Action, "ru")),
            new Button("Қазақша", CallbackData.Build(Action, "kk")),
            new Button("English", CallbackData.Build(Action, "en")),
        ],
    ];

    public async Task HandleAsync(ChatTurn turn, CancellationToken cancellationToken)
    {
        if (turn.Callback is null)
        {
            await turn.ReplyAsync(new OutgoingMessage(turn.Text("Language_Prompt"), Picker), cancellationToken);
            return;
        }

        if (turn.Callback.Arguments.Count != 1 || !LanguageCodes.TryParse(turn.Callback.Arguments[0], out var chosen))
        {
            await turn.AnswerCallbackAsync(turn.Text("Callback_Stale"), cancellationToken);
            return;
        }

        await chats.SetLanguageAsync(turn.Chat, chosen, cancellationToken);
        var confirmed = turn.InLanguage(chosen);
        await confirmed.AnswerCallbackAsync(null, cancellationToken);
        await confirmed.ReplyAsync(confirmed.Text("Language_Set"), cancellationToken);
    }
}
