using DigestBot.Tests.Infrastructure;

namespace DigestBot.Tests.EndToEnd;

/// <summary>A reader subscribes through the emulator and the scheduled digest arrives at their local time, on a clock the test moves.</summary>
[Trait("Category", "Slow")]
[Collection(TelegramEmulatorCollection.Name)]
public sealed class ScheduledDigestTests(TelegramEmulator emulator) : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 1, 12, 1, 0, 0, TimeSpan.Zero);
    private readonly TestClock clock = TestClock.Running(Start);
    private RunningBot bot = null!;

    public Task InitializeAsync()
    {
        bot = RunningBot.Start(emulator, clock);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await bot.DisposeAsync();

    [Fact]
    public async Task After_subscribe_time_and_timezone_the_digest_arrives_at_the_readers_local_time()
    {
        var user = bot.CreateUser("en");

        (await RunningBot.AskAsync(user, "/subscribe")).Single().Text.Should().Contain("09:00").And.Contain("Asia/Almaty");
        (await RunningBot.AskAsync(user, "/time 10:30")).Single().Text.Should().Contain("10:30");
        (await RunningBot.AskAsync(user, "/timezone London")).Single().Text.Should().Contain("10:30").And.Contain("Europe/London");

        // 10:30 in London in January is 10:30 UTC; 04:00 UTC, when the default 09:00 Almaty would have come, passes quietly.
        clock.JumpTo(new DateTimeOffset(2026, 1, 12, 10, 29, 0, TimeSpan.Zero));
        await Task.Delay(TimeSpan.FromSeconds(1));
        (await user.GetAllBotMessagesAsync()).Should().HaveCount(3, "nothing before 10:30 London time");

        clock.JumpTo(new DateTimeOffset(2026, 1, 12, 10, 30, 0, TimeSpan.Zero));
        var digest = RunningBot.Checked(await user.WaitForBotRepliesAsync(1, TimeSpan.FromSeconds(30)));

        digest[0].Text.Should().StartWith("<b>News digest</b>").And.Contain("12 January");
        await Task.Delay(TimeSpan.FromSeconds(1));
        (await user.GetAllBotMessagesAsync()).Should().HaveCount(3 + digest.Count, "one digest");
    }
}
