using System.Collections.Concurrent;
using DigestBot.Conversation;

namespace DigestBot.Tests.Infrastructure;

/// <summary>Collects what the handlers answer, for tests that drive the dispatcher without Telegram.</summary>
public sealed class RecordingReplies : IReplySink
{
    public ConcurrentQueue<(long ChatId, OutgoingMessage Message)> Sent { get; } = new();

    public ConcurrentQueue<(string Id, string? Notice)> Answers { get; } = new();

    public ConcurrentQueue<(long ChatId, int MessageId)> ButtonsRemoved { get; } = new();

    public Task SendAsync(long chatId, OutgoingMessage message, CancellationToken cancellationToken)
    {
        Sent.Enqueue((chatId, message));
        return Task.CompletedTask;
    }

    public Task RemoveButtonsAsync(long chatId, int messageId, CancellationToken cancellationToken)
    {
        ButtonsRemoved.Enqueue((chatId, messageId));
        return Task.CompletedTask;
    }

    public Task AnswerCallbackAsync(string callbackQueryId, string? notice, CancellationToken cancellationToken)
    {
        Answers.Enqueue((callbackQueryId, notice));
        return Task.CompletedTask;
    }
}
