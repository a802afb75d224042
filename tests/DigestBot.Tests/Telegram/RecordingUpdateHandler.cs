using System.Collections.Concurrent;
using DigestBot.Telegram;
using Telegram.Bot.Types;

namespace DigestBot.Tests.Telegram;

/// <summary>Records the ids of the updates it is given and fails on those it is told to.</summary>
internal sealed class RecordingUpdateHandler(params long[] failingUpdateIds) : IUpdateHandler
{
    private readonly ConcurrentQueue<long> handled = new();

    public IReadOnlyList<long> Handled => [.. handled];

    public Task HandleAsync(Update update, CancellationToken cancellationToken)
    {
        handled.Enqueue(update.Id);
        return failingUpdateIds.Contains(update.Id)
            ? Task.FromException(new InvalidOperationException($"handler broke on update {update.Id}"))
            : Task.CompletedTask;
    }
}
