using DigestBot.Conversation;
using DigestBot.Core.Articles;
using DigestBot.Core.Rendering;
using DigestBot.Features.Channels;

namespace DigestBot.Features.Languages;

/// <summary>
/// /language: which language the bot speaks in this chat, and whether lists show other languages too;
/// /language @channel ru|kk|en: which language a channel's digest comes in, set by its admin.
/// </summary>
public sealed class LanguageHandler(ChatDirectory chats, ChatAdmins admins) : IChatHandler
{
    public async Task HandleAsync(ChatTurn turn, CancellationToken cancellationToken)
    {
        switch (turn.Callback)
        {
            case null when ChannelArgument.Take(turn.Arguments) is ({ } channel, var code):
                await SetChannelLanguageAsync(turn, channel, code, cancellationToken);
                return;
            case null:
                await turn.ReplyAsync(new OutgoingMessage(turn.Text("Language_Prompt"), LanguagePicker.Rows(turn, turn.AllLanguages)), cancellationToken);
                return;
            case { Action: LanguagePicker.LanguageAction, Arguments: [var code] } when LanguageCodes.TryParse(code, out var chosen):
                await chats.SetLanguageAsync(turn.Chat, chosen, cancellationToken);
                var confirmed = turn.InLanguage(chosen);
                await confirmed.AnswerCallbackAsync(null, cancellationToken);
                await confirmed.ReplyAsync(confirmed.Text("Language_Set"), cancellationToken);
                return;
            case { Action: LanguagePicker.ScopeAction, Arguments: [var scope and (LanguagePicker.All or LanguagePicker.Mine)] }:
                await chats.SetAllLanguagesAsync(turn.Chat, scope == LanguagePicker.All, cancellationToken);
                await turn.AnswerCallbackAsync(null, cancellationToken);
                await turn.ReplyAsync(turn.Text(scope == LanguagePicker.All ? "Languages_All" : "Languages_Mine"), cancellationToken);
                return;
            default:
                await turn.RefuseStalePressAsync(cancellationToken);
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
}
