using DigestBot.Telegram;

namespace DigestBot.Tests.Telegram;

/// <summary>Which update ids count as handled, for polling and for webhook calls that may come twice or out of order.</summary>
public sealed class HandledUpdatesTests
{
    [Fact]
    public async Task A_repeated_id_is_handled_and_a_late_lower_one_is_new()
    {
        var store = new InMemoryUpdateOffsetStore();
        var handled = new HandledUpdates(store);

        await handled.AddAsync(10, CancellationToken.None);
        await handled.AddAsync(12, CancellationToken.None);

        (await handled.ContainsAsync(10, CancellationToken.None)).Should().BeTrue();
        (await handled.ContainsAsync(12, CancellationToken.None)).Should().BeTrue();
        (await handled.ContainsAsync(11, CancellationToken.None)).Should().BeFalse("a webhook call may overtake another");
        (await handled.ContainsAsync(13, CancellationToken.None)).Should().BeFalse();
        await handled.AddAsync(11, CancellationToken.None);
        store.LastUpdateId.Should().Be(12, "the store keeps the highest id");
        (await handled.LastAsync(CancellationToken.None)).Should().Be(12);
    }

    [Fact]
    public async Task After_a_restart_everything_up_to_the_stored_id_counts_as_handled()
    {
        var store = new InMemoryUpdateOffsetStore();
        await new HandledUpdates(store).AddAsync(40, CancellationToken.None);

        var restarted = new HandledUpdates(store);

        (await restarted.LastAsync(CancellationToken.None)).Should().Be(40);
        (await restarted.ContainsAsync(39, CancellationToken.None)).Should().BeTrue();
        (await restarted.ContainsAsync(40, CancellationToken.None)).Should().BeTrue();
        (await restarted.ContainsAsync(41, CancellationToken.None)).Should().BeFalse();
    }

    [Fact]
    public async Task Ids_far_behind_the_recent_ones_count_as_handled()
    {
        var handled = new HandledUpdates(new InMemoryUpdateOffsetStore());
        // More ids than are remembered one by one.
        for (var id = 2; id <= 2_100; id += 2)
        {
            await handled.AddAsync(id, CancellationToken.None);
        }

        (await handled.ContainsAsync(1, CancellationToken.None)).Should().BeTrue("an update that old is not out of order but a redelivery");
        (await handled.ContainsAsync(2_099, CancellationToken.None)).Should().BeFalse();
    }
}
