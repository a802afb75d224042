using DigestBot.Conversation;
using DigestBot.Features.Digests;
using DigestBot.Jobs;
using DigestBot.Storage;
using DigestBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quartz;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace DigestBot.Tests.Jobs;

/// <summary>The deliveries' storage work (claims, moves, sends a stopped process left, due chats) on a real PostgreSQL server.</summary>
[Trait("Category", "Slow")]
[Collection(PostgresCollection.Name)]
public sealed class ScheduledDigestsPostgresTests(PostgresServer server)
{
    [Fact]
    public async Task A_window_is_claimed_once_follows_a_migrated_group_and_an_interrupted_send_is_settled()
    {
        const long reader = 7, group = -4001, supergroup = -1004001;
        var due = new DateTimeOffset(2026, 2, 2, 4, 0, 0, TimeSpan.Zero);
        var schedule = new DigestSlot(new TimeOnly(9, 0), "Asia/Almaty");
        var database = await server.CreateDatabaseAsync("schedule_" + Guid.NewGuid().ToString("N")[..8]);
        await using var host = await StartAsync(database);
        var store = host.Get<SubscriptionStore>();
        await store.SubscribeAsync(new Chat { Id = reader, Type = ChatType.Private, FirstName = "Dana" }, [], managedBy: null, CancellationToken.None);
        await store.SubscribeAsync(new Chat { Id = group, Type = ChatType.Group, Title = "Team" }, [], managedBy: reader, CancellationToken.None);
        await using (var db = host.Db())
        {
            (await schedule.DueSubscriptions(db, DateTimeOffset.UtcNow.AddMinutes(1)).Select(s => s.ChatId).OrderBy(id => id).ToListAsync()).Should().Equal(group, reader);
        }

        var ledger = host.Get<DeliveryLedger>();
        (await ledger.BeginAsync(group, due, CancellationToken.None)).Should().BeTrue();
        (await ledger.BeginAsync(group, due, CancellationToken.None)).Should().BeFalse("the window is taken");
        (await ledger.MoveDeliveriesAsync(group, supergroup, due, CancellationToken.None)).Should().BeTrue();
        await host.Get<ChatDirectory>().MoveAsync(group, supergroup, CancellationToken.None);
        await ledger.SentAsync(supergroup, due, [11, 12], CancellationToken.None);
        (await ledger.BeginAsync(reader, due, CancellationToken.None)).Should().BeTrue();

        // The first process never joined the cluster, as one that stopped long ago: another settles what it left.
        await using (var next = await StartAsync(database))
        {
            (await next.Get<DeliveryLedger>().ResolveInterruptedAsync(CancellationToken.None)).Should().Be(1);
        }

        await using var check = host.Db();
        (await check.Deliveries.OrderBy(d => d.ChatId).Select(d => new { d.ChatId, d.State, d.MessageIds }).ToListAsync()).Should().Equal(
            new { ChatId = supergroup, State = DeliveryState.Sent, MessageIds = "11 12" },
            new { ChatId = reader, State = DeliveryState.Interrupted, MessageIds = "" });
        (await check.Subscriptions.OrderBy(s => s.ChatId).Select(s => new { s.ChatId, s.LastWindowEnd }).ToListAsync()).Should().Equal(
            new { ChatId = supergroup, LastWindowEnd = (DateTimeOffset?)due },
            new { ChatId = reader, LastWindowEnd = (DateTimeOffset?)due });
        (await host.Get<ChatDirectory>().FindAsync(supergroup, CancellationToken.None))!.Title.Should().Be("Team");
        (await host.Get<ChatDirectory>().FindAsync(group, CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task Quartzs_tables_come_with_the_migrations_and_go_with_them_and_its_cluster_settings_are_configurable()
    {
        var database = await server.CreateDatabaseAsync("quartz_" + Guid.NewGuid().ToString("N")[..8]);
        await using var host = await StartAsync(database, new() { ["Quartz:JobStore:Clustering:CheckinInterval"] = "00:00:20" });
        await using var db = host.Db();
        (await QuartzTablesAsync(db)).Should().HaveCount(15);
        (await db.Database.SqlQueryRaw<string>("SELECT lock_name AS \"Value\" FROM qrtz_locks ORDER BY 1").ToListAsync())
            .Should().Equal("STATE_ACCESS", "TRIGGER_ACCESS");

        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync("20261122000000_DeliveryNodes");
        (await QuartzTablesAsync(db)).Should().BeEmpty();
        await migrator.MigrateAsync();
        (await QuartzTablesAsync(db)).Should().HaveCount(15);

        // The scheduler checks the schema when it is built.
        var scheduler = await host.Get<ISchedulerFactory>().GetScheduler();
        (await scheduler.GetMetadata()).JobStoreClustered.Should().BeTrue();
        host.Get<IOptions<ClusteringOptions>>().Value.CheckinInterval.Should().Be(TimeSpan.FromSeconds(20));
    }

    // The bot's services and its scheduler on the clustered store, without starting them.
    private static Task<TestHost> StartAsync(string database, Dictionary<string, string?>? settings = null) => TestHost.StartAsync(
        connectionString: database,
        settings: new Dictionary<string, string?>(settings ?? []) { ["Storage:Provider"] = "Postgres" },
        configure: builder => builder.Services.AddDigestJobs(builder.Configuration));

    private static Task<List<string>> QuartzTablesAsync(DigestDbContext db) =>
        db.Database.SqlQueryRaw<string>("SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_name LIKE 'qrtz\\_%'").ToListAsync();
}
