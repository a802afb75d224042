using DigestBot.Conversation;

namespace DigestBot.Features.Help;

/// <summary>/help: what the bot does, then a line for each registered command that has one, in the chat's language.</summary>
public sealed class HelpHandler(CommandRegistry registry) : IChatHandler
{
    public Task HandleAsync(ChatTurn turn, CancellationToken cancellationToken) =>
        turn.ReplyAsync($"{turn.Text("Help_Intro")}\n\n{string.Join('\n', registry.HelpLineKeys.Select(key => turn.Text(key)))}", cancellationToken);
}
