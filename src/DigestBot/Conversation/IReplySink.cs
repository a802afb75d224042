namespace DigestBot.Conversation;

/// <summary>Where replies go: Telegram, or the maintainer's terminal.</summary>
public interface IReplySink
{
    /// <summary>Sends a message, in several parts when it is longer than Telegram allows; the buttons go with the last.</summary>
    Task SendAsync(long chatId, OutgoingMessage message, CancellationToken cancellationToken);

    /// <summary>Removes the buttons of an earlier message, for example a "more" that has been used.</summary>
    Task RemoveButtonsAsync(long chatId, int messageId, CancellationToken cancellationToken);

    /// <summary>Answers a button press, with a short notice or none.</summary>
    Task AnswerCallbackAsync(string callbackQueryId, string? notice, CancellationToken cancellationToken);
}
