using DigestBot.Core.Articles;
using DigestBot.Core.Digests;
using Xunit.Abstractions;

namespace DigestBot.Core.Tests.Digests;

public class NearDuplicatesTests(ITestOutputHelper output)
{
    [Fact]
    public void Same_stories_merge_and_different_stories_on_one_topic_do_not()
    {
        var articles = StoryCorpus.Articles;
        var fingerprints = articles.Select(a => StoryFingerprint.Of(a.Article)).ToList();
        var groups = NearDuplicates.Group(fingerprints);
        var groupOf = groups.SelectMany((g, i) => g.Select(f => (f.Candidate.Id, Group: i))).ToDictionary(x => x.Id, x => x.Group);

        var (truePairs, mergedPairs, correct) = (0, 0, 0);
        var mistakes = new List<string>();
        for (var i = 0; i < articles.Count; i++)
        {
            for (var j = i + 1; j < articles.Count; j++)
            {
                var (first, second) = (articles[i], articles[j]);
                var same = first.Story == second.Story;
                var merged = groupOf[first.Article.Id] == groupOf[second.Article.Id];
                truePairs += same ? 1 : 0;
                mergedPairs += merged ? 1 : 0;
                correct += same && merged ? 1 : 0;
                if (same != merged)
                {
                    var score = NearDuplicates.Score(fingerprints[i], fingerprints[j]);
                    mistakes.Add($"{(same ? "missed" : "false merge")}: {first.Story} #{first.Article.Id} / {second.Story} #{second.Article.Id}, score {score:F2}");
                }
            }
        }

        var precision = mergedPairs == 0 ? 1 : (double)correct / mergedPairs;
        var recall = (double)correct / truePairs;
        output.WriteLine($"near duplicates: {articles.Count} articles, {truePairs} true pairs, {mergedPairs} merged, precision {precision:P0}, recall {recall:P0}");
        mistakes.ForEach(output.WriteLine);

        precision.Should().Be(1, "different stories on one topic must never be merged");
        recall.Should().BeGreaterThanOrEqualTo(0.85);
    }
}
