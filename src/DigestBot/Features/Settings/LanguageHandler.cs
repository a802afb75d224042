using DigestBot.Conversation;
using DigestBot.Core.Articles;
using DigestBot.Core.Rendering;
using DigestBot.Features.Channels;

namespace DigestBot.Features.Settings;

/// <summary>
/// /language: which language the bot speaks in this chat, and whether lists show other languages too;
/// /language @channel ru|kk|en: which language a channel's digest comes in, set by its admin.
/// </summary>
public sealed class LanguageHandler(ChatDirectory chats, ChatAdmins admins) : IChatHandler
{
    public const string Action = "lang";
    private const string ScopeAction = "scope";
    private const string All = "all";
    private const string Mine = "mine";

    public IReadOnlyList<string> Commands => ["language"];

    public IReadOnlyList<string> CallbackActions => [Action, ScopeAction];

    /// <summary>Each language named in itself, so that anyone finds their own.</summary>
    public static IReadOnlyList<Button> Languages { get; } =
    [
        new Button("Русский", CallbackData.Build(Action, "ru")),
        new Button("Қазақша", CallbackData.Build(Action, "kk")),
        new Button("English", CallbackData.Build(Action, "en")),
    ];

    /// <summary>The languages, then the choice between all languages and the chat's own, the current one ticked.</summary>
    public static IReadOnlyList<IReadOnlyList<Button>> Picker(ChatTurn turn, bool allLanguages) =>
    [
        Languages,
        [
            new Button(Tick(allLanguages) + turn.Text("Button_AllLanguages"), CallbackData.Build(ScopeAction, All)),
            new Button(Tick(!allLanguages) + turn.Text("Button_MyLanguageOnly"), CallbackData.Build(ScopeAction, Mine)),
        ],
    ];

    public async Task HandleAsync(ChatTurn turn, CancellationToken cancellationToken)
    {
        switch (turn.Callback)
        {
            case null when ChatAdmins.TakeChannel(turn.Arguments) is ({ } channel, var code):
                await SetChannelLanguageAsync(turn, channel, code, cancellationToken);
                return;
            case null:
                await turn.ReplyAsync(new OutgoingMessage(turn.Text("Language_Prompt"), Picker(turn, turn.AllLanguages)), cancellationToken);
                return;
            case { Action: Action, Arguments: [var code] } when LanguageCodes.TryParse(code, out var chosen):
                await chats.SetLanguageAsync(turn.Chat, chosen, cancellationToken);
                var confirmed = turn.InLanguage(chosen);
                await confirmed.AnswerCallbackAsync(null, cancellationToken);
                await confirmed.ReplyAsync(confirmed.Text("Language_Set"), cancellationToken);
                return;
            case { Action: ScopeAction, Arguments: [var scope and (All or Mine)] }:
                await chats.SetAllLanguagesAsync(turn.Chat, scope == All, cancellationToken);
                await turn.AnswerCallbackAsync(null, cancellationToken);
                await turn.ReplyAsync(turn.Text(scope == All ? "Languages_All" : "Languages_Mine"), cancellationToken);
                return;
            default:
                await turn.AnswerCallbackAsync(turn.Text("Callback_Stale"), cancellationToken);
                return;
        }
    }

    private async Task SetChannelLanguageAsync(ChatTurn turn, string channel, string code, CancellationToken cancellationToken)
    {
        if (!LanguageCodes.TryParse(code, out var chosen))
        {
            await turn.ReplyAsync(turn.Text("Language_ChannelUsage"), cancellationToken);
            return;
        }

        if (await admins.AuthorizeAsync(turn, channel, botMustPost: true, cancellationToken) is not { } managed)
        {
            return;
        }

        await chats.SetLanguageAsync(managed.Chat, chosen, cancellationToken);
        await turn.ReplyAsync(turn.Text("Language_ChannelSet", managed.TitleHtml, turn.InLanguage(chosen).Text("LanguageName")), cancellationToken);
    }

    private static string Tick(bool on) => on ? "✓ " : "";
}
