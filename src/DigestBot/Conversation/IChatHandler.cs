namespace DigestBot.Conversation;

/// <summary>Answers the commands and button presses its feature registered it for (<see cref="ChatHandlerServiceCollectionExtensions.AddChatHandler{THandler}"/>).</summary>
public interface IChatHandler
{
    Task HandleAsync(ChatTurn turn, CancellationToken cancellationToken);
}
