using DigestBot.Conversation;
using DigestBot.Core.Rendering;
using DigestBot.Features.Languages;

namespace DigestBot.Features.Start;

/// <summary>/start: a greeting in the user's language and the language picker.</summary>
public sealed class StartHandler(ChatDirectory chats) : IChatHandler
{
    public async Task HandleAsync(ChatTurn turn, CancellationToken cancellationToken)
    {
        await chats.RememberAsync(turn.Chat, cancellationToken);
        var name = turn.From?.FirstName ?? turn.Chat.Title ?? "";
        var greeting = turn.Text("Start_Greeting", TelegramHtml.Escape(name.Trim()));
        await turn.ReplyAsync(new OutgoingMessage(greeting, LanguagePicker.Rows(turn, turn.AllLanguages)), cancellationToken);
    }
}
