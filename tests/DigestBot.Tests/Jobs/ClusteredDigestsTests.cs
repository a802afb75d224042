using System.Diagnostics;
using System.Globalization;
using DigestBot.Features.Digests;
using DigestBot.Jobs;
using DigestBot.Storage;
using DigestBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Quartz;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace DigestBot.Tests.Jobs;

/// <summary>
/// Two bot processes on one PostgreSQL database, as instances behind a load balancer run: Quartz's clustered store fires
/// each digest on one of them. They share the fake Bot API; each has a clock the test moves, which Quartz reads for its
/// firings and its check-ins alike. The clocks move together, except that a node whose clock stops is, to the cluster,
/// a node that died.
/// </summary>
[Trait("Category", "Slow")]
[Collection(PostgresCollection.Name)]
public sealed class ClusteredDigestsTests(PostgresServer server) : IAsyncLifetime
{
    // 09:00 in Almaty, and at a fixed offset of five hours, is 04:00 UTC; 10:00 in Almaty is 05:00 UTC.
    private static readonly DateTimeOffset Day = new(2026, 2, 2, 0, 0, 0, TimeSpan.Zero);
    private const long ChannelId = -1001234567890;
    private static readonly long[] Chats = [1, 2, 3, 4, ChannelId];

    private readonly TestClock clockA = new(autoAdvance: false);
    private readonly TestClock clockB = new(autoAdvance: false);
    private FakeBotApi api = null!;
    private ScheduledBot a = null!;
    private ScheduledBot b = null!;

    public async Task InitializeAsync()
    {
        clockA.Advance(Day - clockA.GetUtcNow());
        clockB.Advance(Day - clockB.GetUtcNow());
        api = await FakeBotApi.StartAsync();
        var database = await server.CreateDatabaseAsync("cluster_" + Guid.NewGuid().ToString("N")[..8]);
        a = await ScheduledBot.CreateNodeAsync(database, api, clockA);
        b = await ScheduledBot.CreateNodeAsync(database, api, clockB);
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

    [Fact]
    public async Task A_digest_whose_node_dies_while_sending_is_finished_by_the_other_node_without_a_duplicate()
    {
        var due = Day.AddHours(4);
        foreach (var id in new long[] { 1, 2, 3 })
        {
            await SubscribedAsync(new Chat { Id = id, Type = ChatType.Private, FirstName = "Reader" }, "Asia/Almaty");
        }

        await Task.WhenAll(a.StartAsync(), b.StartAsync());
        var dead = await NodeAsync(a);
        await a.AddArticleAsync("Parliament passes the budget");

        // Node a alone reaches 09:00 and fires the digest, a second late; its first message never gets an answer, and its
        // clock stops there: it neither sends nor checks in again, as a process that died.
        var answer = new TaskCompletionSource();
        api.Enqueue("sendMessage", new FakeAnswer(async context =>
        {
            await answer.Task;
            await FakeAnswer.Error(400, "Bad Request: the test is over").WriteAsync(context);
        }));
        try
        {
            clockA.Advance(due.AddSeconds(1) - clockA.GetUtcNow());
            await SentAsync(1);
            var cutOff = long.Parse(api.RequestsFor("sendMessage")[0].Body["chat_id"]!.ToString(), CultureInfo.InvariantCulture);

            // Node b's time goes on: it writes node a off, fires its digest again and sends it to the chats not reached yet.
            clockB.Advance(due - clockB.GetUtcNow());
            await WrittenOffAsync(dead);
            await SentAsync(3);
            await b.SettledAsync();

            var alive = await NodeAsync(b);
            var sends = api.RequestsFor("sendMessage").Select(r => long.Parse(r.Body["chat_id"]!.ToString(), CultureInfo.InvariantCulture)).ToList();
            sends.Should().BeEquivalentTo([1L, 2L, 3L], "the chat whose message was cut off is not sent it again");
            await using (var db = b.Db())
            {
                (await db.Deliveries.OrderBy(d => d.ChatId).Select(d => new { d.ChatId, d.WindowEnd, d.State, d.Node }).ToListAsync()).Should().BeEquivalentTo(
                    sends.Order().Select(chat => chat == cutOff
                        ? new { ChatId = chat, WindowEnd = due, State = DeliveryState.Interrupted, Node = dead }
                        : new { ChatId = chat, WindowEnd = due, State = DeliveryState.Sent, Node = alive }));
            }
        }
        finally
        {
            answer.SetResult();
        }
    }

    private static async Task<string> NodeAsync(ScheduledBot bot) => (await bot.Get<ISchedulerFactory>().GetScheduler()).SchedulerInstanceId;

    private static async Task<List<string>> ScheduledAsync(ScheduledBot bot)
    {
        var scheduler = await bot.Get<ISchedulerFactory>().GetScheduler();
        var keys = await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(DigestSlot.Group));
        return [.. keys.Select(k => k.Name).Order(StringComparer.Ordinal)];
    }

    /// <summary>Waits, in real time, until the Bot API has been asked to send <paramref name="count"/> messages.</summary>
    private async Task SentAsync(int count)
    {
        var waiting = Stopwatch.StartNew();
        while (api.RequestsFor("sendMessage").Count < count)
        {
            waiting.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(20), $"{count} message(s) are sent");
            await Task.Delay(50);
        }
    }

    /// <summary>A chat subscribed at 09:00 in <paramref name="zone"/>, written to the database without a word to the scheduler.</summary>
    private async Task SubscribedAsync(Chat chat, string zone)
    {
        await using var db = a.Db();
        db.Chats.Add(new ChatSettings { ChatId = chat.Id, Kind = chat.Type.ToString().ToLowerInvariant(), Title = chat.Title, CreatedAt = Day, UpdatedAt = Day });
        db.Subscriptions.Add(new Subscription { ChatId = chat.Id, Time = new TimeOnly(9, 0), TimeZone = zone, CreatedAt = Day, UpdatedAt = Day });
        await db.SaveChangesAsync();
    }

    /// <summary>Moves both clocks, then waits until the store has nothing due or running, whichever node fires it.</summary>
    private async Task RunUntilAsync(ScheduledBot running, DateTimeOffset moment)
    {
        clockA.Advance(moment - clockA.GetUtcNow());
        clockB.Advance(moment - clockB.GetUtcNow());
        await running.SettledAsync();
    }

    /// <summary>Moves node b's clock on a few seconds at a time until its check-ins have dropped <paramref name="node"/>.</summary>
    private async Task WrittenOffAsync(string node)
    {
        var scheduler = await b.Get<ISchedulerFactory>().GetScheduler();
        var waiting = Stopwatch.StartNew();
        while ((await scheduler.QueryClusterNodes()).Any(n => n.InstanceId == node))
        {
            waiting.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(20), "a node that stopped checking in is written off");
            clockB.Advance(TimeSpan.FromSeconds(5));
            await Task.Delay(100);
        }
    }
}
