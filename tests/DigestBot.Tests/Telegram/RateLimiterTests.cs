using System.Collections.Concurrent;
using System.Globalization;
using DigestBot.Telegram;
using DigestBot.Tests.Infrastructure;
using Telegram.Bot.Types;

namespace DigestBot.Tests.Telegram;

public sealed class RateLimiterTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Sends_across_chats_keep_to_the_overall_rate()
    {
        var time = new TestClock(autoAdvance: true);
        using var limiter = Limiter(time, global: 30);

        var sentAt = await SendInTurnAsync(limiter, time, Enumerable.Range(1, 90).Select(i => (ChatId)i));

        MostInAnySecond(sentAt).Should().Be(30);
        sentAt[^1].TotalSeconds.Should().BeInRange(2.9, 3.0, because: "90 sends at 30/s take three seconds, less the 50 ms the bucket lets go early");
    }

    [Theory]
    [InlineData("42", 3, "0 1 2")]
    [InlineData("-1001234", 22, "0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 60 61")]
    [InlineData("@digest_news", 21, "0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 60")]
    public async Task A_chat_gets_one_message_a_second_and_a_group_or_channel_twenty_a_minute(string chat, int sends, string expectedSeconds)
    {
        var time = new TestClock(autoAdvance: true);
        using var limiter = Limiter(time);
        ChatId chatId = chat.StartsWith('@') ? chat : long.Parse(chat, CultureInfo.InvariantCulture);

        var sentAt = await SendInTurnAsync(limiter, time, Enumerable.Repeat(chatId, sends));

        sentAt.Select(at => at.TotalSeconds).Should().Equal(expectedSeconds.Split(' ').Select(s => double.Parse(s, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task A_chats_next_message_waits_a_second_from_the_answer_to_the_last()
    {
        var time = new TestClock(autoAdvance: false);
        using var limiter = Limiter(time);
        var first = await limiter.AcquireAsync(42);
        var next = limiter.AcquireAsync(42).AsTask();

        time.Advance(TimeSpan.FromMilliseconds(500));
        first.Dispose();
        time.Advance(TimeSpan.FromMilliseconds(990));

        next.IsCompleted.Should().BeFalse();
        time.Advance(TimeSpan.FromMilliseconds(10));
        (await next.WaitAsync(Patience)).Dispose();
    }

    [Fact]
    public async Task Waiters_go_first_come_first_served_unless_their_own_chat_holds_them_back()
    {
        var time = new TestClock(autoAdvance: false);
        using var limiter = Limiter(time, global: 1, perGroup: 1);
        (await limiter.AcquireAsync(-100)).Dispose();
        var order = new ConcurrentQueue<long>();

        async Task SendAsync(long chat)
        {
            (await limiter.AcquireAsync(chat)).Dispose();
            order.Enqueue(chat);
        }

        var sends = new[] { SendAsync(-100), SendAsync(1), SendAsync(2), SendAsync(3) };
        for (var second = 1; second <= 3; second++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await WaitUntilAsync(() => order.Count == second);
        }

        order.Should().Equal(1, 2, 3);
        time.Advance(TimeSpan.FromSeconds(57));
        await Task.WhenAll(sends).WaitAsync(Patience);
        order.Should().Equal(1, 2, 3, -100);
    }

    [Fact]
    public async Task A_pause_holds_back_every_chat_until_it_ends()
    {
        var time = new TestClock(autoAdvance: false);
        using var limiter = Limiter(time);
        (await limiter.AcquireAsync(1)).Dispose();

        limiter.Pause(TimeSpan.FromSeconds(3)).Should().BeTrue();
        limiter.Pause(TimeSpan.FromSeconds(1)).Should().BeFalse(because: "the pause in force is only extended");
        var other = limiter.AcquireAsync(2).AsTask();
        time.Advance(TimeSpan.FromMilliseconds(2_900));

        other.IsCompleted.Should().BeFalse();
        time.Advance(TimeSpan.FromMilliseconds(100));
        (await other.WaitAsync(Patience)).Dispose();
        limiter.Pause(TimeSpan.FromSeconds(1)).Should().BeTrue(because: "the first pause is over");
    }

    [Fact]
    public async Task A_cancelled_waiter_leaves_and_takes_no_turn()
    {
        var time = new TestClock(autoAdvance: false);
        using var limiter = Limiter(time);
        (await limiter.AcquireAsync(42)).Dispose();
        using var cancellation = new CancellationTokenSource();
        var cancelled = limiter.AcquireAsync(42, cancellation.Token).AsTask();
        var next = limiter.AcquireAsync(42).AsTask();

        await cancellation.CancelAsync();

        (await cancelled.Awaiting(task => task).Should().ThrowAsync<OperationCanceledException>()).Which.CancellationToken.Should().Be(cancellation.Token);
        await limiter.Awaiting(l => l.AcquireAsync(43, cancellation.Token).AsTask()).Should().ThrowAsync<OperationCanceledException>();
        time.Advance(TimeSpan.FromSeconds(1));
        (await next.WaitAsync(Patience)).Dispose();
    }

    [Fact]
    public async Task Chats_are_forgotten_once_their_limits_have_passed()
    {
        var time = new TestClock(autoAdvance: true);
        using var limiter = Limiter(time, global: 1_000);
        var mostTracked = 0;

        for (var chat = 1; chat <= 10_000; chat++)
        {
            (await limiter.AcquireAsync(chat % 10 == 0 ? -chat : chat)).Dispose();
            mostTracked = Math.Max(mostTracked, limiter.TrackedChats);
        }

        mostTracked.Should().BeLessThan(2_200, because: "a private chat is kept for a second after its send, a group for a minute");
        time.Advance(TimeSpan.FromMinutes(1));
        (await limiter.AcquireAsync(1)).Dispose();
        limiter.TrackedChats.Should().Be(1);
    }

    private static SendRateLimiter Limiter(TimeProvider time, int global = 30, int perChat = 1, int perGroup = 20) =>
        new(new RateLimitOptions { GlobalPerSecond = global, PerChatPerSecond = perChat, PerGroupPerMinute = perGroup }, time);

    // One send at a time, each answered at once; returns when each went out, from the first.
    private static async Task<List<TimeSpan>> SendInTurnAsync(SendRateLimiter limiter, TimeProvider time, IEnumerable<ChatId> chats)
    {
        var started = time.GetUtcNow();
        var sentAt = new List<TimeSpan>();
        foreach (var chat in chats)
        {
            using var lease = await limiter.AcquireAsync(chat).AsTask().WaitAsync(Patience);
            sentAt.Add(time.GetUtcNow() - started);
        }

        return sentAt;
    }

    private static int MostInAnySecond(List<TimeSpan> sentAt) =>
        sentAt.Max(end => sentAt.Count(at => at > end - TimeSpan.FromSeconds(1) && at <= end));

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
