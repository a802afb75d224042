using DigestBot.Tests.Infrastructure;

namespace DigestBot.Tests.Retention;

/// <summary>Retention on PostgreSQL, where the search documents go with their article through the foreign key
/// (see <see cref="RetentionTests"/>).</summary>
[Trait("Category", "Slow")]
[Collection(PostgresCollection.Name)]
public sealed class PostgresRetentionTests(PostgresServer server)
{
    [Fact]
    public async Task Articles_older_than_RetainDays_go_with_their_index_rows_origins_topics_and_summaries_and_nothing_younger_is_touched()
    {
        await using var scenario = await RetentionScenario.StartAsync(await NewDatabaseAsync());

        await RetentionChecks.OnlyTheOlderAreGoneEverywhereAsync(scenario);
    }

    [Fact]
    public async Task A_pruned_article_whose_seed_file_is_still_there_is_not_imported_again()
    {
        await using var scenario = await RetentionScenario.StartAsync(await NewDatabaseAsync());

        await RetentionChecks.PrunedSeedsAreNotImportedAgainAsync(scenario);
    }

    private Task<string> NewDatabaseAsync() => server.CreateDatabaseAsync("retention_" + Guid.NewGuid().ToString("N")[..8]);
}
