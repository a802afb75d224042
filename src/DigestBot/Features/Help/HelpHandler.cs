using DigestBot.Conversation;

namespace DigestBot.Features.Help;

/// <summary>/help: what the bot does and every command, in the chat's language.</summary>
public sealed class HelpHandler : IChatHandler
{
    public IReadOnlyList<string> Commands => ["help"];

    public Task HandleAsync(ChatTurn turn, CancellationToken cancellationToken) =>
        turn.ReplyAsync(turn.Text("Help_Text"), cancellationToken);
}
