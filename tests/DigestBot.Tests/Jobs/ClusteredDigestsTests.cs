using System.Diagnostics;
using DigestBot.Features.Digests;
using DigestBot.Jobs;
using DigestBot.Storage;
using DigestBot.Telegram.Types;
using DigestBot.Tests.Infrastructure;
using DigestBot.Tests.Telegram;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace DigestBot.Tests.Jobs;

/// <summary>
/// Two bot processes on one PostgreSQL database, as instances behind a load balancer run: Quartz's clustered store fires
/// each digest on one of them. They share the fake Bot API and the test's clock, which Quartz reads for its firings and
/// its check-ins alike, so the cluster's time moves only when the test says.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ClusteredDigestsTests(PostgresServer server) : IAsyncLifetime
{
    // 09:00 in Almaty, and at a fixed offset of five hours, is 04:00 UTC; 10:00 in Almaty is 05:00 UTC.
    private static readonly DateTimeOffset Day = new(2026, 2, 2, 0, 0, 0, TimeSpan.Zero);
    private const long ChannelId = -1001234567890;
    private static readonly long[] Chats = [1, 2, 3, 4, ChannelId];

    private readonly TestTimeProvider clock = new(autoAdvance: false);
    private FakeBotApi api = null!;
    private ScheduledBot a = null!;
    private ScheduledBot b = null!;

    public async Task InitializeAsync()
    {
        clock.Advance(Day - clock.GetUtcNow());
        api = await FakeBotApi.StartAsync();
        var database = await server.CreateDatabaseAsync("cluster_" + Guid.NewGuid().ToString("N")[..8]);
        a = await ScheduledBot.CreateNodeAsync(database, api, clock);
        b = await ScheduledBot.CreateNodeAsync(database, api, clock);
    }

    public async Task DisposeAsync()
    {
        await a.DisposeAsync();
        await b.DisposeAsync();
        await api.DisposeAsync();
    }

    [Fact]
    public async Task Every_scheduled_digest_is_sent_once_across_two_nodes_and_one_node_goes_on_when_the_other_stops()
    {
        // Subscriptions a previous run left, and an empty schedule store: both nodes rebuild it as they start together.
        await SubscribedAsync(new Chat { Id = 1, Type = ChatType.Private, FirstName = "Dana" }, "Asia/Almaty");
        await SubscribedAsync(new Chat { Id = 2, Type = ChatType.Private, FirstName = "Arman" }, "Asia/Almaty");
        await SubscribedAsync(new Chat { Id = 3, Type = ChatType.Private, FirstName = "Aigerim" }, "Asia/Almaty");
        await SubscribedAsync(new Chat { Id = ChannelId, Type = ChatType.Channel, Title = "Morning news" }, "UTC+05:00");
        await Task.WhenAll(a.StartAsync(), b.StartAsync());
        var nodes = new[] { await NodeAsync(a), await NodeAsync(b) };
        nodes.Should().OnlyHaveUniqueItems();
        (await (await a.Get<ISchedulerFactory>().GetScheduler()).QueryClusterNodes()).Select(n => n.InstanceId).Should().BeEquivalentTo(nodes);
        (await ScheduledAsync(b)).Should().Equal("09:00 Asia/Almaty", "09:00 UTC+05:00");

        // Changes come in through either node, as the load balancer hands out the updates, and reach the shared store.
        await a.Get<SubscriptionStore>().SubscribeAsync(new Chat { Id = 4, Type = ChatType.Private, FirstName = "Yerlan" }, [], managedBy: null, CancellationToken.None);
        await b.Get<SubscriptionStore>().UpdateAsync(3, s => s.Time = new TimeOnly(10, 0), CancellationToken.None);
        string[] schedules = ["09:00 Asia/Almaty", "09:00 UTC+05:00", "10:00 Asia/Almaty"];
        (await ScheduledAsync(a)).Should().Equal(schedules);
        (await ScheduledAsync(b)).Should().Equal(schedules);

        for (var day = 0; day < 3; day++)
        {
            if (day == 2)
            {
                await a.StopAsync();
            }

            var running = day == 2 ? b : a;
            await running.AddArticleAsync($"News of day {day}");
            await RunUntilAsync(running, Day.AddDays(day).AddHours(4));
            await RunUntilAsync(running, Day.AddDays(day).AddHours(5));

            foreach (var chat in Chats)
            {
                running.SentTo(chat).Should().HaveCount(day + 1, $"chat {chat} gets one digest a day, whichever node sends it");
                running.SentTo(chat)[day].Body["text"]!.ToString().Should().Contain($"News of day {day}");
            }
        }

        api.RequestsFor("sendMessage").Should().HaveCount(15, "nothing is sent twice");
        await using var db = b.Db();
        var deliveries = await db.Deliveries.Select(d => new { d.ChatId, d.WindowEnd, d.State, d.Node }).ToListAsync();
        deliveries.Should().HaveCount(15).And.OnlyContain(d => d.State == DeliveryState.Sent && nodes.Contains(d.Node));
        deliveries.Select(d => (d.ChatId, d.WindowEnd)).Should().OnlyHaveUniqueItems();
        deliveries.Where(d => d.WindowEnd >= Day.AddDays(2)).Should().OnlyContain(d => d.Node == nodes[1], "the other node had stopped");
    }

    [Fact]
    public async Task A_send_in_progress_on_a_running_node_is_left_alone_and_settled_once_the_cluster_has_written_that_node_off()
    {
        var due = Day.AddHours(4);
        await Task.WhenAll(a.StartAsync(), b.StartAsync());
        await a.Get<SubscriptionStore>().SubscribeAsync(new Chat { Id = 1, Type = ChatType.Private, FirstName = "Dana" }, [], managedBy: null, CancellationToken.None);
        (await a.Get<DeliveryLedger>().BeginAsync(1, due, CancellationToken.None)).Should().BeTrue();
        var sending = await NodeAsync(a);

        (await b.Get<DeliveryLedger>().ResolveInterruptedAsync(CancellationToken.None)).Should().Be(0, "node a is running and may be sending");
        await using (var db = b.Db())
        {
            (await db.Deliveries.SingleAsync()).Should().BeEquivalentTo(new { State = DeliveryState.Sending, Node = sending });
        }

        await a.StopAsync();
        await WrittenOffAsync(sending);

        (await b.Get<DeliveryLedger>().ResolveInterruptedAsync(CancellationToken.None)).Should().Be(1);
        await using (var db = b.Db())
        {
            (await db.Deliveries.SingleAsync()).State.Should().Be(DeliveryState.Interrupted);
            (await db.Subscriptions.SingleAsync()).LastWindowEnd.Should().Be(due, "its window moves on and is not sent again");
        }

        b.Logs.Lines.Should().ContainSingle(l => l.Contains($"digests: delivery to 1 for the window ending {due} was interrupted"));
    }

    private static async Task<string> NodeAsync(ScheduledBot bot) => (await bot.Get<ISchedulerFactory>().GetScheduler()).SchedulerInstanceId;

    private static async Task<List<string>> ScheduledAsync(ScheduledBot bot)
    {
        var scheduler = await bot.Get<ISchedulerFactory>().GetScheduler();
        var keys = await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(DigestSchedule.Group));
        return [.. keys.Select(k => k.Name).Order(StringComparer.Ordinal)];
    }

    /// <summary>A chat subscribed at 09:00 in <paramref name="zone"/>, written to the database without a word to the scheduler.</summary>
    private async Task SubscribedAsync(Chat chat, string zone)
    {
        await using var db = a.Db();
        db.Chats.Add(new ChatSettings { ChatId = chat.Id, Kind = chat.Type.ToString().ToLowerInvariant(), Title = chat.Title, CreatedAt = Day, UpdatedAt = Day });
        db.Subscriptions.Add(new Subscription { ChatId = chat.Id, Time = new TimeOnly(9, 0), TimeZone = zone, CreatedAt = Day, UpdatedAt = Day });
        await db.SaveChangesAsync();
    }

    /// <summary>Moves the shared clock, then waits until the store has nothing due or running, whichever node fires it.</summary>
    private async Task RunUntilAsync(ScheduledBot running, DateTimeOffset moment)
    {
        clock.Advance(moment - clock.GetUtcNow());
        await running.SettledAsync();
    }

    /// <summary>Moves the clock on a few seconds at a time until node b's check-ins have dropped <paramref name="node"/>.</summary>
    private async Task WrittenOffAsync(string node)
    {
        var scheduler = await b.Get<ISchedulerFactory>().GetScheduler();
        var waiting = Stopwatch.StartNew();
        while ((await scheduler.QueryClusterNodes()).Any(n => n.InstanceId == node))
        {
            waiting.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(20), "a node that stopped checking in is written off");
            clock.Advance(TimeSpan.FromSeconds(5));
            await Task.Delay(100);
        }
    }
}
