using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using DigestBot.Telegram;
using DigestBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Telegram.Bot.Types;

namespace DigestBot.Tests.Telegram;

/// <summary>Polled updates of different chats are handled side by side, one chat's in order, and confirmed only once
/// every update before them is done.</summary>
public sealed class ConcurrentUpdatesTests : IAsyncLifetime
{
    // A limit for a busy machine, not a figure under test: the conditions come true in milliseconds.
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(30);

    private FakeBotApi api = null!;

    public async Task InitializeAsync() => api = await FakeBotApi.StartAsync();

    public async Task DisposeAsync() => await api.DisposeAsync();

    [Fact]
    public async Task A_slow_chat_does_not_hold_up_another_and_its_own_updates_stay_in_order()
    {
        // Update 1 of chat 7 hangs until released; chat 8's updates, polled in the same batch behind it, are answered meanwhile.
        var handler = new GatedUpdateHandler(gatedUpdateId: 1);
        var store = new InMemoryUpdateOffsetStore();
        api.Enqueue("getUpdates", FakeAnswer.Ok(new JsonArray(Update(1, chat: 7), Update(2, chat: 7), Update(3, chat: 8), Update(4, chat: 8))));
        await using var bot = new BotClientHarness(api, new TestClock(autoAdvance: true), configureServices: services => services.AddSingleton<IUpdateHandler>(handler).AddSingleton<IUpdateOffsetStore>(store));
        using var stop = new CancellationTokenSource();
        var polling = bot.Poller.RunAsync(stop.Token);

        await WaitForAsync(() => handler.Events.Contains("end 4"));
        var whileHeld = handler.Events.ToList();
        var confirmedWhileHeld = store.LastUpdateId;
        var pollsWhileHeld = api.RequestsFor("getUpdates").Count;
        handler.Release();
        await WaitForAsync(() => store.LastUpdateId == 4);
        await stop.CancelAsync();
        await polling;

        whileHeld.Should().ContainInOrder("start 3", "end 3", "start 4", "end 4").And.Contain("start 1")
            .And.NotContain("end 1").And.NotContain("start 2", "chat 7's second update waits for its first");
        confirmedWhileHeld.Should().BeNull("nothing is confirmed while an update before it is still being handled");
        pollsWhileHeld.Should().Be(1, "the next batch is asked for, confirming this one, once all of it is handled");
        handler.Events.Where(e => e.EndsWith(" 1", StringComparison.Ordinal) || e.EndsWith(" 2", StringComparison.Ordinal))
            .Should().Equal("start 1", "end 1", "start 2", "end 2");
        api.RequestsFor("getUpdates")[1].Body["offset"]!.GetValue<long>().Should().Be(5);
    }

    [Fact]
    public async Task One_chat_is_never_handled_twice_at_once_however_many_updates_it_sends()
    {
        var handler = new GatedUpdateHandler(gatedUpdateId: null);
        var store = new InMemoryUpdateOffsetStore();
        var updates = new JsonArray();
        for (var id = 1; id <= 60; id++)
        {
            updates.Add(Update(id, chat: 100 + (id % 3)));
        }

        api.Enqueue("getUpdates", FakeAnswer.Ok(updates));
        await using var bot = new BotClientHarness(api, new TestClock(autoAdvance: true), configureServices: services => services.AddSingleton<IUpdateHandler>(handler).AddSingleton<IUpdateOffsetStore>(store));
        using var stop = new CancellationTokenSource();
        var polling = bot.Poller.RunAsync(stop.Token);

        await WaitForAsync(() => store.LastUpdateId == 60);
        await stop.CancelAsync();
        await polling;

        handler.Overlaps.Should().Be(0, "a chat's next update starts only when its previous one is done");
        handler.MostAtOnce.Should().BeGreaterThan(1, "the three chats are handled side by side");
        foreach (var chat in new[] { 100, 101, 102 })
        {
            var order = handler.Started.Where(s => s.Chat == chat).Select(s => s.UpdateId).ToList();
            order.Should().BeInAscendingOrder().And.HaveCount(20);
        }
    }

    private static JsonObject Update(long updateId, long chat) => new()
    {
        ["update_id"] = updateId,
        ["message"] = BotJson.Message((int)updateId, chat, "/help"),
    };

    private static async Task WaitForAsync(Func<bool> condition)
    {
        using var limit = new CancellationTokenSource(WaitLimit);
        while (!condition())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), limit.Token);
        }
    }

    /// <summary>Records when each update starts and ends; one update hangs until released, the others take a moment.</summary>
    private sealed class GatedUpdateHandler(long? gatedUpdateId) : IUpdateHandler
    {
        private readonly TaskCompletionSource gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ConcurrentQueue<string> events = new();
        private readonly ConcurrentQueue<(long Chat, long UpdateId)> started = new();
        private readonly ConcurrentDictionary<long, int> busyChats = new();
        private readonly Lock counting = new();
        private int running;

        public IReadOnlyList<string> Events => [.. events];

        public IReadOnlyList<(long Chat, long UpdateId)> Started => [.. started];

        public int Overlaps { get; private set; }

        public int MostAtOnce { get; private set; }

        public void Release() => gate.TrySetResult();

        public async Task HandleAsync(Update update, CancellationToken cancellationToken)
        {
            var chat = update.Message!.Chat.Id;
            events.Enqueue($"start {update.Id}");
            started.Enqueue((chat, update.Id));
            lock (counting)
            {
                if (busyChats.AddOrUpdate(chat, 1, (_, n) => n + 1) > 1)
                {
                    Overlaps++;
                }

                MostAtOnce = Math.Max(MostAtOnce, ++running);
            }

            if (update.Id == gatedUpdateId)
            {
                await gate.Task.WaitAsync(cancellationToken);
            }
            else
            {
                await Task.Delay(TimeSpan.FromMilliseconds(5), cancellationToken);
            }

            lock (counting)
            {
                busyChats.AddOrUpdate(chat, 0, (_, n) => n - 1);
                running--;
            }

            events.Enqueue($"end {update.Id}");
        }
    }
}
