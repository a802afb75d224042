using DigestBot.Jobs;
using DigestBot.Retention;
using DigestBot.Storage;
using DigestBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace DigestBot.Tests.Retention;

/// <summary>Retention on SQLite: what is older than the windows goes everywhere, nothing younger is touched, a pruned
/// seed stays pruned, and the bot runs it every day.</summary>
public sealed class RetentionTests
{
    [Fact]
    public async Task Articles_older_than_RetainDays_go_with_their_index_rows_origins_topics_and_summaries_and_nothing_younger_is_touched()
    {
        await using var scenario = await RetentionScenario.StartAsync(connectionString: null);

        await RetentionChecks.OnlyTheOlderAreGoneEverywhereAsync(scenario);
    }

    [Fact]
    public async Task A_pruned_article_whose_seed_file_is_still_there_is_not_imported_again()
    {
        await using var scenario = await RetentionScenario.StartAsync(connectionString: null);

        await RetentionChecks.PrunedSeedsAreNotImportedAgainAsync(scenario);
    }

    [Fact]
    public async Task With_RetainDays_0_every_article_stays_and_old_delivery_records_still_go()
    {
        await using var scenario = await RetentionScenario.StartAsync(connectionString: null, retainDays: 0);

        var report = await scenario.PruneAsync();

        report.Should().Be(new RetentionReport(0, 1));
        await using var db = scenario.Host.Db();
        (await db.Articles.CountAsync()).Should().Be(5);
        (await scenario.IndexedIdsAsync()).Should().HaveCount(5);
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(1, true)]
    [InlineData(StorageOptions.MaxRetainDays, true)]
    [InlineData(StorageOptions.MaxRetainDays + 1, false)]
    public void RetainDays_is_0_or_a_number_of_days(int days, bool valid)
    {
        var result = new StorageOptionsValidator().Validate(null, new StorageOptions { RetainDays = days });

        result.Succeeded.Should().Be(valid);
        if (!valid)
        {
            result.FailureMessage.Should().StartWith("Storage:RetainDays (env Storage__RetainDays) must be 0");
        }
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task The_bot_prunes_every_day_at_0330_UTC()
    {
        var now = new DateTimeOffset(2026, 3, 10, 3, 0, 0, TimeSpan.Zero);
        await using var bot = await ScheduledBot.CreateAsync(now);
        await using (var db = bot.Db())
        {
            foreach (var days in new[] { 89, 91 })
            {
                var at = now.AddDays(-days);
                db.Deliveries.Add(new Delivery { ChatId = 2000 + days, WindowEnd = at, State = DeliveryState.Sent, Node = "node-1", StartedAt = at });
            }

            await db.SaveChangesAsync();
        }

        await bot.StartAsync();
        var scheduler = await bot.Get<ISchedulerFactory>().GetScheduler();
        var trigger = (await scheduler.GetTriggersOfJob(RetentionJob.Key)).Should().ContainSingle().Subject;
        trigger.NextFireTimeUtc.Should().Be(new DateTimeOffset(2026, 3, 10, 3, 30, 0, TimeSpan.Zero));

        await bot.RunUntilAsync(new DateTimeOffset(2026, 3, 10, 3, 31, 0, TimeSpan.Zero));

        await using var after = bot.Db();
        (await after.Deliveries.Select(d => d.ChatId).ToListAsync()).Should().Equal([2089L]);
        trigger = (await scheduler.GetTriggersOfJob(RetentionJob.Key)).Single();
        trigger.NextFireTimeUtc.Should().Be(new DateTimeOffset(2026, 3, 11, 3, 30, 0, TimeSpan.Zero));
    }
}
