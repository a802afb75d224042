using DigestBot.Conversation;
using DigestBot.Core.Articles;
using DigestBot.Features.Digests;
using DigestBot.Jobs;
using DigestBot.Storage;
using DigestBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Quartz;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace DigestBot.Tests.Jobs;

/// <summary>Daily digests fired by Quartz on a clock the test moves, sent to the fake Bot API.</summary>
[Trait("Category", "Slow")]
public sealed class ScheduledDigestsTests : IAsyncLifetime
{
    private ScheduledBot bot = null!;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (bot is not null)
        {
            await bot.DisposeAsync();
        }
    }

    public static TheoryData<string, string, string> LocalTimes => new()
    {
        // zone, the day it is subscribed on (UTC midnight), when 09:00 local is in UTC
        { "Asia/Almaty", "2026-01-15T00:00:00Z", "2026-01-15T04:00:00Z" },
        { "Europe/London", "2026-01-15T00:00:00Z", "2026-01-15T09:00:00Z" },
        { "Europe/London", "2026-07-15T00:00:00Z", "2026-07-15T08:00:00Z" },
    };

    [Theory]
    [MemberData(nameof(LocalTimes))]
    public async Task A_digest_arrives_at_the_chats_local_time(string zone, string day, string dueUtc)
    {
        var due = DateTimeOffset.Parse(dueUtc, System.Globalization.CultureInfo.InvariantCulture);
        await StartAsync(DateTimeOffset.Parse(day, System.Globalization.CultureInfo.InvariantCulture));
        await bot.AddArticleAsync("Parliament passes the budget");
        await SubscribeAsync(7, zone: zone);

        await bot.RunUntilAsync(due.AddMinutes(-1));
        bot.SentTo(7).Should().BeEmpty("09:00 has not come yet in " + zone);

        await bot.RunUntilAsync(due);
        bot.SentTo(7).Should().ContainSingle().Which.Body["text"]!.ToString().Should().Contain("Parliament passes the budget");
        await using var db = bot.Db();
        var delivery = await db.Deliveries.SingleAsync();
        (delivery.ChatId, delivery.WindowEnd, delivery.State).Should().Be((7L, due, DeliveryState.Sent));
        delivery.MessageIds.Should().NotBeEmpty();
        (await db.Subscriptions.SingleAsync()).LastWindowEnd.Should().Be(due);

        await bot.RunUntilAsync(due.AddHours(23));
        bot.SentTo(7).Should().ContainSingle("one digest a day");
    }

    public static TheoryData<string, string[]> DaylightSavingChanges => new()
    {
        // London 09:00 over the last Sunday of March (to BST) and of October (back to GMT)
        { "2026-03-27T12:00:00Z", ["2026-03-28T09:00:00Z", "2026-03-29T08:00:00Z", "2026-03-30T08:00:00Z"] },
        { "2026-10-23T12:00:00Z", ["2026-10-24T08:00:00Z", "2026-10-25T09:00:00Z", "2026-10-26T09:00:00Z"] },
    };

    [Theory]
    [MemberData(nameof(DaylightSavingChanges))]
    public async Task London_keeps_nine_oclock_across_daylight_saving_changes_with_one_digest_a_day(string start, string[] dues)
    {
        await StartAsync(DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture));
        await SubscribeAsync(7, zone: "Europe/London");

        var expected = dues.Select(d => DateTimeOffset.Parse(d, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        foreach (var (due, day) in expected.Select((d, i) => (d, i)))
        {
            await bot.AddArticleAsync($"News of day {day}");
            await bot.RunUntilAsync(due.AddSeconds(-1));
            bot.SentTo(7).Should().HaveCount(day, "nothing before 09:00 London time");
            await bot.RunUntilAsync(due.AddMinutes(30));
            bot.SentTo(7).Should().HaveCount(day + 1);
            bot.SentTo(7)[day].Body["text"]!.ToString().Should().Contain($"News of day {day}");
        }

        await using var db = bot.Db();
        (await db.Deliveries.OrderBy(d => d.Id).Select(d => d.WindowEnd).ToListAsync()).Should().Equal(expected);
    }

    [Fact]
    public async Task A_digest_is_built_once_for_the_chats_that_share_its_key()
    {
        await StartAsync(new DateTimeOffset(2026, 2, 2, 0, 0, 0, TimeSpan.Zero));
        await bot.AddArticleAsync("Tenge steady against the dollar");
        await bot.AddArticleAsync("Тенге укрепился", Language.Ru);
        foreach (var chat in new long[] { 1, 2, 3 })
        {
            await SubscribeAsync(chat, language: Language.En);
        }

        await SubscribeAsync(4, language: Language.Ru);

        await bot.RunUntilAsync(new DateTimeOffset(2026, 2, 2, 4, 0, 0, TimeSpan.Zero));

        foreach (var chat in new long[] { 1, 2, 3, 4 })
        {
            bot.SentTo(chat).Should().ContainSingle();
        }

        bot.SentTo(1).Single().Body["text"]!.ToString().Should().Be(bot.SentTo(3).Single().Body["text"]!.ToString());
        bot.SentTo(4).Single().Body["text"]!.ToString().Should().Contain("Тенге укрепился");
        var builds = bot.Logs.Lines.Where(l => l.Contains("digests: built the")).ToList();
        builds.Should().HaveCount(2, "English for three chats and Russian for one");
        builds.Should().ContainSingle(l => l.Contains("once for 3 chat(s)"));
    }

    [Fact]
    public async Task A_blocked_chat_is_paused_and_the_others_still_get_their_digest()
    {
        await StartAsync(new DateTimeOffset(2026, 2, 2, 0, 0, 0, TimeSpan.Zero));
        await bot.AddArticleAsync("Snow closes the mountain roads");
        await SubscribeAsync(1);
        await SubscribeAsync(2, zone: "UTC+05:00");
        await SubscribeAsync(3, time: "10:00");
        bot.Api.Enqueue("sendMessage", FakeAnswer.Error(403, "Forbidden: bot was blocked by the user"));

        await bot.RunUntilAsync(new DateTimeOffset(2026, 2, 2, 4, 0, 0, TimeSpan.Zero));
        await bot.RunUntilAsync(new DateTimeOffset(2026, 2, 2, 5, 0, 0, TimeSpan.Zero));

        var blocked = long.Parse(bot.Api.RequestsFor("sendMessage")[0].Body["chat_id"]!.ToString(), System.Globalization.CultureInfo.InvariantCulture);
        var other = blocked == 1 ? 2 : 1;
        await using (var db = bot.Db())
        {
            (await db.Subscriptions.SingleAsync(s => s.ChatId == blocked)).Active.Should().BeFalse();
            (await db.Subscriptions.SingleAsync(s => s.ChatId == other)).LastWindowEnd.Should().NotBeNull();
            var failed = await db.Deliveries.SingleAsync(d => d.ChatId == blocked);
            (failed.State, failed.Error).Should().Be((DeliveryState.Failed, "Forbidden: bot was blocked by the user"));
        }

        bot.SentTo(other).Should().ContainSingle();
        bot.Logs.Lines.Should().Contain(l => l.Contains($"digests: unable to send the digest to {blocked}: Forbidden: bot was blocked by the user; its digests are paused"));

        await bot.AddArticleAsync("Roads open again");
        await bot.RunUntilAsync(new DateTimeOffset(2026, 2, 3, 4, 0, 0, TimeSpan.Zero));
        await bot.RunUntilAsync(new DateTimeOffset(2026, 2, 3, 5, 0, 0, TimeSpan.Zero));
        bot.SentTo(blocked).Should().ContainSingle("the paused chat is not tried again");
        bot.SentTo(other).Should().HaveCount(2);
        bot.SentTo(3).Should().HaveCount(2, "another schedule is not affected");
        var metrics = await bot.Services.ScrapeAsync();
        ScrapedMetrics.ValueOf(metrics, "digestbot_digests_failed_total", "reason", "blocked").Should().Be(1);
        ScrapedMetrics.ValueOf(metrics, "digestbot_digests_failed_total", "reason", "error").Should().Be(0);
        ScrapedMetrics.ValueOf(metrics, "digestbot_digests_delivered_total").Should().Be(4);
        ScrapedMetrics.ValueOf(metrics, "digestbot_telegram_api_errors_total", "code", "403", "method", "sendMessage").Should().Be(1);
    }

    [Fact]
    public async Task A_flood_limit_during_delivery_pauses_every_send_and_each_chat_still_gets_its_digest_once()
    {
        var due = new DateTimeOffset(2026, 2, 2, 4, 0, 0, TimeSpan.Zero);
        await StartAsync(due.AddHours(-1));
        await bot.AddArticleAsync("Snow closes the mountain roads");
        await SubscribeAsync(1);
        await SubscribeAsync(2);
        bot.Api.Enqueue("sendMessage", FakeAnswer.Error(429, "Too Many Requests: retry after 5", retryAfter: 5));

        // The pause and the retry wait on the bot's clock: move it on a second at a time until both digests are out.
        bot.Clock.Advance(due - bot.Clock.GetUtcNow());
        for (var step = 0; step < 50 && bot.Api.RequestsFor("sendMessage").Count < 3; step++)
        {
            await Task.Delay(100);
            bot.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        await bot.SettledAsync();
        var sends = bot.Api.RequestsFor("sendMessage");
        sends.Should().HaveCount(3, "the refused message is sent again after the pause, and nothing else twice");
        var refused = sends[0].Body["chat_id"]!.ToString();
        sends.Skip(1).Select(r => r.Body["chat_id"]!.ToString()).Should().BeEquivalentTo(["1", "2"]);
        sends.Count(r => r.Body["chat_id"]!.ToString() == refused).Should().Be(2);
        await using var db = bot.Db();
        (await db.Deliveries.Where(d => d.WindowEnd == due).Select(d => new { d.ChatId, d.State }).ToListAsync())
            .Should().BeEquivalentTo([new { ChatId = 1L, State = DeliveryState.Sent }, new { ChatId = 2L, State = DeliveryState.Sent }]);
        bot.Logs.Lines.Count(l => l.Contains("flood limit hit, pausing all sends")).Should().Be(1);
        var metrics = await bot.Services.ScrapeAsync();
        ScrapedMetrics.ValueOf(metrics, "digestbot_telegram_flood_waits_total").Should().Be(1);
        ScrapedMetrics.ValueOf(metrics, "digestbot_digests_delivered_total").Should().Be(2);
        ScrapedMetrics.ValueOf(metrics, "digestbot_telegram_messages_sent_total", "method", "sendMessage").Should().Be(2);
    }

    [Fact]
    public async Task A_group_that_became_a_supergroup_moves_to_its_new_id_and_gets_the_digest_there()
    {
        const long group = -4001, supergroup = -1004001;
        await StartAsync(new DateTimeOffset(2026, 2, 2, 0, 0, 0, TimeSpan.Zero));
        await bot.AddArticleAsync("Airport opens a new terminal");
        await bot.Get<SubscriptionStore>().SubscribeAsync(new Chat { Id = group, Type = ChatType.Group, Title = "Team" }, [], managedBy: 7, CancellationToken.None);
        bot.Api.Enqueue("sendMessage", FakeAnswer.Error(400, "Bad Request: group chat was upgraded to a supergroup chat", migrateToChatId: supergroup));

        await bot.RunUntilAsync(new DateTimeOffset(2026, 2, 2, 4, 0, 0, TimeSpan.Zero));

        bot.SentTo(group).Should().ContainSingle("the first try, answered with the new id");
        bot.SentTo(supergroup).Should().ContainSingle().Which.Body["text"]!.ToString().Should().Contain("Airport opens a new terminal");
        await using var db = bot.Db();
        (await db.Chats.Select(c => new { c.ChatId, c.Title }).SingleAsync()).Should().BeEquivalentTo(new { ChatId = supergroup, Title = "Team" });
        var subscription = await db.Subscriptions.SingleAsync();
        (subscription.ChatId, subscription.ManagedBy, subscription.Active).Should().Be((supergroup, (long?)7, true));
        (await db.Deliveries.SingleAsync()).Should().BeEquivalentTo(new { ChatId = supergroup, State = DeliveryState.Sent });

        await bot.AddArticleAsync("First flights from the new terminal");
        await bot.RunUntilAsync(new DateTimeOffset(2026, 2, 3, 4, 0, 0, TimeSpan.Zero));
        bot.SentTo(supergroup).Should().HaveCount(2);
        bot.SentTo(group).Should().ContainSingle();
    }

    [Fact]
    public async Task A_delivery_cut_off_by_a_restart_is_not_sent_again_and_the_log_says_why()
    {
        var due = new DateTimeOffset(2026, 2, 2, 4, 0, 0, TimeSpan.Zero);
        bot = await ScheduledBot.CreateAsync(due.AddHours(-6));
        await bot.AddArticleAsync("Metro extends its night hours");
        await SubscribeAsync(1);
        await SubscribeAsync(2);
        bot.Clock.Advance(TimeSpan.FromHours(6.5));

        // What a process that stopped between recording and completing chat 1's delivery leaves behind.
        await using (var db = bot.Db())
        {
            db.Deliveries.Add(new Delivery { ChatId = 1, WindowEnd = due, State = DeliveryState.Sending, StartedAt = due.AddSeconds(1) });
            await db.SaveChangesAsync();
        }

        await bot.RestartAsync();
        await bot.StartAsync();
        await bot.SettledAsync();

        bot.SentTo(1).Should().BeEmpty("it may have arrived before the restart");
        bot.SentTo(2).Should().ContainSingle("chat 2 missed it and is caught up");
        await using (var db = bot.Db())
        {
            var interrupted = await db.Deliveries.SingleAsync(d => d.ChatId == 1);
            (interrupted.State, interrupted.Error).Should().Be((DeliveryState.Interrupted, "interrupted: the process sending it stopped"));
            (await db.Subscriptions.SingleAsync(s => s.ChatId == 1)).LastWindowEnd.Should().Be(due);
        }

        bot.Logs.Lines.Should().ContainSingle(l => l.Contains(
            $"digests: delivery to 1 for the window ending {due} was interrupted when the process sending it stopped; not sent again to avoid a duplicate"));

        await bot.AddArticleAsync("Night metro: first week");
        await bot.RunUntilAsync(due.AddDays(1));
        bot.SentTo(1).Should().ContainSingle().Which.Body["text"]!.ToString().Should().Contain("first week").And.NotContain("Metro extends");
    }

    [Theory]
    [InlineData(5, 1)]
    [InlineData(7, 0)]
    public async Task A_digest_missed_while_down_is_sent_once_at_start_within_the_catch_up_window(int hoursLate, int expected)
    {
        var due = new DateTimeOffset(2026, 2, 2, 4, 0, 0, TimeSpan.Zero);
        bot = await ScheduledBot.CreateAsync(due.AddHours(-3));
        await bot.AddArticleAsync("Wind farm connected to the grid");
        await SubscribeAsync(1);
        bot.Clock.Advance(TimeSpan.FromHours(3 + hoursLate));

        await bot.RestartAsync();
        await bot.StartAsync();
        await bot.SettledAsync();
        await bot.RestartAsync();
        await bot.StartAsync();
        await bot.SettledAsync();

        bot.SentTo(1).Should().HaveCount(expected, "once within Digest:CatchUpWindow, through two restarts; never beyond it");
        await using var db = bot.Db();
        (await db.Deliveries.Select(d => d.WindowEnd).ToListAsync()).Should().Equal(expected == 1 ? [due] : []);
        if (expected == 0)
        {
            bot.Logs.Lines.Should().Contain(l => l.Contains("is older than Digest:CatchUpWindow (06:00:00); skipped"));
        }
    }

    [Fact]
    public async Task A_quiet_day_sends_nothing_and_keeps_its_window_so_a_late_import_is_not_lost_nor_repeated()
    {
        var first = new DateTimeOffset(2026, 2, 2, 4, 0, 0, TimeSpan.Zero);
        await StartAsync(first.AddHours(-4));
        await bot.AddArticleAsync("Day one story");
        await SubscribeAsync(1);
        await bot.RunUntilAsync(first);
        bot.SentTo(1).Should().ContainSingle();

        await bot.RunUntilAsync(first.AddDays(1));
        bot.SentTo(1).Should().ContainSingle("nothing was new on day two");
        await using (var db = bot.Db())
        {
            (await db.Subscriptions.SingleAsync()).LastWindowEnd.Should().Be(first, "the window stays where the last digest ended");
            (await db.Deliveries.CountAsync()).Should().Be(1);
        }

        // Stamped inside the quiet day's window but stored after its digest was looked at, as a slow import would be.
        await bot.AddArticleAsync("Late story from day two", importedAt: first.AddDays(1).AddMinutes(-1));
        await bot.RunUntilAsync(first.AddDays(2));
        bot.SentTo(1).Should().HaveCount(2);
        bot.SentTo(1)[1].Body["text"]!.ToString().Should().Contain("Late story from day two").And.NotContain("Day one story");

        await bot.RunUntilAsync(first.AddDays(3));
        bot.SentTo(1).Should().HaveCount(2, "nothing is repeated");
    }

    [Fact]
    public async Task Triggers_follow_the_subscriptions_one_per_distinct_time_and_zone()
    {
        await StartAsync(new DateTimeOffset(2026, 2, 2, 0, 0, 0, TimeSpan.Zero));
        var store = bot.Get<SubscriptionStore>();

        await SubscribeAsync(1);
        await SubscribeAsync(2);
        (await ScheduledAsync()).Should().Equal("09:00 Asia/Almaty");

        await store.UpdateAsync(2, s => s.TimeZone = "Europe/London", CancellationToken.None);
        await store.UpdateAsync(1, s => s.Time = new TimeOnly(7, 30), CancellationToken.None);
        (await ScheduledAsync()).Should().Equal("07:30 Asia/Almaty", "09:00 Europe/London");

        await store.UnsubscribeAsync(1, CancellationToken.None);
        (await ScheduledAsync()).Should().Equal("09:00 Europe/London");

        var trigger = await (await bot.Get<ISchedulerFactory>().GetScheduler()).GetTrigger(new TriggerKey("09:00 Europe/London", DigestSlot.Group));
        trigger!.NextFireTimeUtc.Should().Be(new DateTimeOffset(2026, 2, 2, 9, 0, 0, TimeSpan.Zero));
    }

    private async Task StartAsync(DateTimeOffset now)
    {
        bot = await ScheduledBot.CreateAsync(now);
        await bot.StartAsync();
    }

    private async Task<List<string>> ScheduledAsync()
    {
        var scheduler = await bot.Get<ISchedulerFactory>().GetScheduler();
        var keys = await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(DigestSlot.Group));
        return [.. keys.Select(k => k.Name).Order(StringComparer.Ordinal)];
    }

    private async Task SubscribeAsync(long chatId, string time = "09:00", string zone = "Asia/Almaty", Language language = Language.En)
    {
        var chat = new Chat { Id = chatId, Type = ChatType.Private, FirstName = "Reader" };
        await bot.Get<SubscriptionStore>().SubscribeAsync(chat, [], managedBy: null, CancellationToken.None);
        await bot.Get<ChatDirectory>().SetLanguageAsync(chat, language, CancellationToken.None);
        Core.Schedules.DigestTime.TryParse(time, out var localTime);
        await bot.Get<SubscriptionStore>().UpdateAsync(chatId, s => (s.Time, s.TimeZone) = (localTime, zone), CancellationToken.None);
    }
}
