using DigestBot.Importing;
using Microsoft.EntityFrameworkCore;

namespace DigestBot.Tests.Retention;

/// <summary>What every provider must show after a prune of <see cref="RetentionScenario"/>.</summary>
internal static class RetentionChecks
{
    public static async Task OnlyTheOlderAreGoneEverywhereAsync(RetentionScenario scenario)
    {
        var report = await scenario.PruneAsync();

        report.Articles.Should().Be(2);
        report.Deliveries.Should().Be(1);
        var oldIds = RetentionScenario.Old.Select(w => scenario.Ids[w]).ToList();
        var youngIds = RetentionScenario.Young.Select(w => scenario.Ids[w]).Order().ToList();
        await using var db = scenario.Host.Db();
        (await db.Articles.Select(a => a.Id).OrderBy(id => id).ToListAsync()).Should().Equal(youngIds);
        (await scenario.IndexedIdsAsync()).Should().Equal(youngIds, "the index holds exactly the articles left");
        foreach (var word in RetentionScenario.Old)
        {
            (await scenario.FoundAsync(word)).Should().Be(0, $"the article about {word} is older than the window");
        }

        foreach (var word in RetentionScenario.Young)
        {
            (await scenario.FoundAsync(word)).Should().Be(1, $"the article about {word} is inside the window");
        }

        (await db.ArticleOrigins.Select(o => o.ArticleId).Distinct().OrderBy(id => id).ToListAsync()).Should().Equal(youngIds);
        (await db.ArticleOrigins.CountAsync()).Should().Be(3);
        (await db.ArticleTopics.Where(t => oldIds.Contains(t.ArticleId)).CountAsync()).Should().Be(0);
        (await db.ArticleTopics.Where(t => t.TopicId == "culture").Select(t => t.ArticleId).OrderBy(id => id).ToListAsync())
            .Should().Equal(youngIds, "every article left keeps its topics");
        (await db.TranslatedSummaries.Select(t => t.ArticleId).ToListAsync()).Should().Equal(scenario.Ids["gammafjord"]);
        (await db.Deliveries.Select(d => d.ChatId).ToListAsync()).Should().Equal([1089L], "a record of 89 days stays, one of 91 goes");
        (await db.PrunedArticles.CountAsync()).Should().Be(2, "the hash of each removed text is kept");
    }

    public static async Task PrunedSeedsAreNotImportedAgainAsync(RetentionScenario scenario)
    {
        await scenario.PruneAsync();

        var again = await scenario.Host.Get<ArticleImporter>().ImportAsync([scenario.Seeds], CancellationToken.None);
        var twice = await scenario.Host.Get<ArticleImporter>().ImportAsync([scenario.Seeds], CancellationToken.None);

        again.Added.Should().Be(0);
        again.Updated.Should().Be(0);
        again.Unchanged.Should().Be(6);
        twice.Added.Should().Be(0);
        await using var db = scenario.Host.Db();
        (await db.Articles.CountAsync()).Should().Be(RetentionScenario.Young.Count);
        (await scenario.FoundAsync("alpharidge")).Should().Be(0);
        (await scenario.FoundAsync("betamoor")).Should().Be(0);
    }
}
