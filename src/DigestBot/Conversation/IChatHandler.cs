namespace DigestBot.Conversation;

/// <summary>Answers one command and, optionally, the buttons it puts under its replies.</summary>
public interface IChatHandler
{
    /// <summary>The command names it answers, lowercase without the slash (e.g. "latest").</summary>
    IReadOnlyList<string> Commands { get; }

    /// <summary>The callback actions it answers (the first part of its callback data), if any.</summary>
    IReadOnlyList<string> CallbackActions => [];

    Task HandleAsync(ChatTurn turn, CancellationToken cancellationToken);
}
