using DigestBot.Tests.Infrastructure;

namespace DigestBot.Benchmarks.Soak;

/// <summary>Totals of all users, updated as they go.</summary>
internal sealed class SoakCounts
{
    private long replies;
    private long unanswered;
    private long errors;

    public long Replies => Interlocked.Read(ref replies);

    public long Unanswered => Interlocked.Read(ref unanswered);

    public long Errors => Interlocked.Read(ref errors);

    public void Replied(int count) => Interlocked.Add(ref replies, count);

    public void NotAnswered() => Interlocked.Increment(ref unanswered);

    public void Failed() => Interlocked.Increment(ref errors);
}

/// <summary>
/// One emulated user acting once every period: mostly commands and text, sometimes a button under the bot's last message
/// that had any. It keeps nothing but that message, so a run of any length holds as much on this side as a short one.
/// </summary>
internal sealed class SoakUser(EmulatedUser user, SoakTraffic traffic, Random random, TimeSpan period, SoakCounts counts)
{
    // Every command and text in a private chat gets a reply; a press is answered, sometimes by an edit that is not a new message.
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan PressTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    private BotMessage? withButtons;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        // Spread the users over the period rather than all at once.
        var next = DateTime.UtcNow + (period * random.NextDouble());
        while (!cancellationToken.IsCancellationRequested)
        {
            if (!await DelayAsync(next - DateTime.UtcNow, cancellationToken))
            {
                return;
            }

            next += period;
            try
            {
                await ActAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // The emulator refused or did not answer in time; the user goes on.
                counts.Failed();
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task ActAsync(CancellationToken cancellationToken)
    {
        var buttons = withButtons?.Buttons.Where(b => b.CallbackData is not null).ToList();
        if (buttons is { Count: > 0 } && random.Next(5) == 0)
        {
            await user.PressButtonAsync(withButtons!, buttons[random.Next(buttons.Count)].CallbackData!);
            await CollectRepliesAsync(PressTimeout, cancellationToken);
            return;
        }

        var text = traffic.Next(random);
        await (text.StartsWith('/') ? user.SendCommandAsync(text) : user.SendMessageAsync(text));
        if (!await CollectRepliesAsync(ReplyTimeout, cancellationToken))
        {
            counts.NotAnswered();
        }
    }

    /// <summary>Takes the bot's new messages until at least one came or <paramref name="timeout"/> passed.</summary>
    private async Task<bool> CollectRepliesAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var replies = await user.TakeNewBotMessagesAsync();
            if (replies.Count > 0)
            {
                counts.Replied(replies.Count);
                withButtons = replies.LastOrDefault(r => r.Buttons.Any(b => b.CallbackData is not null)) ?? withButtons;
                return true;
            }

            if (DateTime.UtcNow >= deadline || !await DelayAsync(PollInterval, cancellationToken))
            {
                return false;
            }
        }
    }

    private static async Task<bool> DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, cancellationToken);
            }

            return !cancellationToken.IsCancellationRequested;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
