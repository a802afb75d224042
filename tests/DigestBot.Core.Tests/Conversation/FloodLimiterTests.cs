using System.Globalization;
using DigestBot.Core.Conversation;
using DigestBot.Tests.Infrastructure;

namespace DigestBot.Core.Tests.Conversation;

public class FloodLimiterTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    // Steps are the seconds at which one sender sends a command; A allows, S says to slow down, I ignores.
    [Theory]
    [InlineData(3, "0 1 2", "AAA")]
    [InlineData(3, "0 1 2 3 4 5", "AAASII")]
    [InlineData(3, "0 0 0 0 0 0 0 0", "AAASIIII")]
    [InlineData(3, "0 1 2 3 59.999 60", "AAASIA")]
    [InlineData(3, "0 20 40 59 61 62 63 64", "AAASAAAS")]
    [InlineData(1, "0 30 60 61 62 120", "ASASIA")]
    [InlineData(2, "30 31 32 89 90 91", "AASIAA")]
    [InlineData(2, "0 59 60 61 62", "AAAAS")]
    [InlineData(0, "0 0 0 0 0 0 0 0 0 0", "AAAAAAAAAA")]
    public void Past_the_limit_a_sender_is_told_once_then_ignored_until_its_minute_is_over(int limit, string seconds, string expected)
    {
        var clock = new TestClock(autoAdvance: false, Start);
        var limiter = new FloodLimiter(limit, Minute, clock);
        var verdicts = "";

        foreach (var at in seconds.Split(' ').Select(s => double.Parse(s, CultureInfo.InvariantCulture)))
        {
            clock.JumpTo(Start + TimeSpan.FromSeconds(at));
            verdicts += limiter.Check(42, 0) switch
            {
                FloodVerdict.Allow => 'A',
                FloodVerdict.SlowDown => 'S',
                _ => 'I',
            };
        }

        verdicts.Should().Be(expected);
    }

    [Fact]
    public void Each_chat_and_each_sender_in_a_chat_has_a_count_of_its_own()
    {
        var limiter = new FloodLimiter(2, Minute, new TestClock(autoAdvance: false, Start));

        Enumerable.Range(0, 4).Select(_ => limiter.Check(1, 0)).ToList().Should().Equal(FloodVerdict.Allow, FloodVerdict.Allow, FloodVerdict.SlowDown, FloodVerdict.Ignore);
        limiter.Check(2, 0).Should().Be(FloodVerdict.Allow, "another chat is not held back by the first");
        Enumerable.Range(0, 3).Select(_ => limiter.Check(-100, 7)).ToList()[^1].Should().Be(FloodVerdict.SlowDown);
        limiter.Check(-100, 8).Should().Be(FloodVerdict.Allow, "one sender in a group does not silence the others");
    }

    [Fact]
    public void Senders_whose_window_is_over_are_forgotten()
    {
        var clock = new TestClock(autoAdvance: false, Start);
        var limiter = new FloodLimiter(20, Minute, clock);
        for (var chat = 0; chat < 10_000; chat++)
        {
            limiter.Check(chat, 0);
        }

        limiter.Tracked.Should().Be(10_000);
        clock.JumpTo(Start + TimeSpan.FromSeconds(30));
        limiter.Check(-1, 0);
        limiter.Tracked.Should().Be(10_001, "their windows are still open");

        clock.JumpTo(Start + TimeSpan.FromSeconds(61));
        limiter.Check(-2, 0);
        limiter.Tracked.Should().Be(2, "only the senders of the last minute are kept");

        clock.JumpTo(Start + TimeSpan.FromSeconds(200));
        limiter.Check(-3, 0);
        limiter.Tracked.Should().Be(1);
    }

    [Theory]
    [InlineData(-1, 60)]
    [InlineData(20, 0)]
    public void A_negative_limit_or_an_empty_window_is_refused(int limit, int windowSeconds)
    {
        var create = () => new FloodLimiter(limit, TimeSpan.FromSeconds(windowSeconds), new TestClock(autoAdvance: false, Start));

        create.Should().Throw<ArgumentOutOfRangeException>();
    }
}
