using DigestBot.Storage;
using DigestBot.TelegramHost;
using DigestBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DigestBot.Tests.Telegram;

public sealed class DatabaseOffsetStoreTests
{
    [Fact]
    public async Task The_last_handled_update_survives_a_restart()
    {
        await using var host = await TestHost.StartAsync();
        var store = new DatabaseOffsetStore(host.Get<IDbContextFactory<DigestDbContext>>());

        (await store.GetAsync(CancellationToken.None)).Should().BeNull("nothing was handled yet");
        await store.SaveAsync(41, CancellationToken.None);
        await store.SaveAsync(42, CancellationToken.None);

        var afterRestart = new DatabaseOffsetStore(host.Get<IDbContextFactory<DigestDbContext>>());
        (await afterRestart.GetAsync(CancellationToken.None)).Should().Be(42);
    }
}
