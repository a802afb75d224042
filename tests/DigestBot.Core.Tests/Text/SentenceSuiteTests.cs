using System.Globalization;
using DigestBot.Core.Text;
using Xunit.Abstractions;

namespace DigestBot.Core.Tests.Text;

/// <summary>The splitter scored against public Russian text with gold sentence boundaries (tests/data/sentences).</summary>
public class SentenceSuiteTests(ITestOutputHelper output)
{
    // Floors a little under the scores measured when they were set, so that a change which loses boundaries fails.
    [Theory]
    [InlineData("opencorpora-dev.txt", 0.960, 0.890)]
    [InlineData("opencorpora-heldout.txt", 0.970, 0.920)]
    public void Finds_the_gold_boundaries_of_the_opencorpora_partition(string file, double minF1, double minSentences)
    {
        var score = SuiteScore.Measure(Suite(file));
        output.WriteLine($"{file}: {score}");

        score.F1.Should().BeGreaterThanOrEqualTo(minF1, score.ToString());
        score.SentenceShare.Should().BeGreaterThanOrEqualTo(minSentences, score.ToString());
    }

    [Fact]
    public void Splits_the_razdel_unit_cases()
    {
        var score = SuiteScore.Measure(Suite("razdel-unit.txt"));
        output.WriteLine($"razdel-unit.txt: {score}");
        foreach (var miss in score.Misses)
        {
            output.WriteLine($"  miss: {miss}");
        }

        score.TextShare.Should().Be(1.0, score.ToString());
    }

    private static IEnumerable<GoldText> Suite(string file) =>
        File.ReadLines(SuitePath(file)).Where(line => line.Length > 0).Select(GoldText.Parse);

    private static string SuitePath(string file)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var path = Path.Combine(directory.FullName, "tests", "data", "sentences", file);
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException($"sentence suite: unable to find tests/data/sentences/{file} above the test output folder");
    }

    /// <summary>A text and its gold sentences, read from one line of chunks separated by <c>|</c>.</summary>
    private sealed record GoldText(string Text, IReadOnlyList<Range> Sentences)
    {
        public static GoldText Parse(string line)
        {
            var sentences = new List<Range>();
            var position = 0;
            foreach (var chunk in line.Split('|'))
            {
                if (!string.IsNullOrWhiteSpace(chunk))
                {
                    sentences.Add(position..(position + chunk.Length));
                }

                position += chunk.Length;
            }

            return new GoldText(line.Replace("|", "", StringComparison.Ordinal), sentences);
        }
    }

    /// <summary>Boundary precision, recall and F1 (a boundary is where a sentence ends and another follows), the share
    /// of gold sentences found whole, and the share of texts split exactly as the gold.</summary>
    private sealed record SuiteScore(int Texts, int ExactTexts, int GoldSentences, int FoundSentences, int TrueBoundaries, int GoldBoundaries, int FoundBoundaries, IReadOnlyList<string> Misses)
    {
        public double Precision => FoundBoundaries == 0 ? 1 : (double)TrueBoundaries / FoundBoundaries;

        public double Recall => GoldBoundaries == 0 ? 1 : (double)TrueBoundaries / GoldBoundaries;

        public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

        public double SentenceShare => (double)FoundSentences / GoldSentences;

        public double TextShare => (double)ExactTexts / Texts;

        public static SuiteScore Measure(IEnumerable<GoldText> suite)
        {
            int texts = 0, exact = 0, goldSentences = 0, foundSentences = 0, truePositives = 0, goldBoundaries = 0, foundBoundaries = 0;
            var misses = new List<string>();
            var ranges = new List<Range>();
            foreach (var gold in suite)
            {
                ranges.Clear();
                SentenceSplitter.SplitRanges(gold.Text, ranges);
                var found = ranges.Select(r => (r.Start.Value, r.End.Value)).ToHashSet();
                var expected = gold.Sentences.Select(r => (r.Start.Value, r.End.Value)).ToList();
                var foundEnds = ranges.SkipLast(1).Select(r => r.End.Value).ToHashSet();
                var goldEnds = gold.Sentences.SkipLast(1).Select(r => r.End.Value).ToHashSet();

                texts++;
                goldSentences += expected.Count;
                foundSentences += expected.Count(found.Contains);
                goldBoundaries += goldEnds.Count;
                foundBoundaries += foundEnds.Count;
                truePositives += foundEnds.Count(goldEnds.Contains);
                if (found.SetEquals(expected))
                {
                    exact++;
                }
                else
                {
                    misses.Add(string.Join(" | ", ranges.Select(r => gold.Text[r])));
                }
            }

            return new SuiteScore(texts, exact, goldSentences, foundSentences, truePositives, goldBoundaries, foundBoundaries, misses);
        }

        public override string ToString() => string.Create(
            CultureInfo.InvariantCulture,
            $"{Texts} texts, {ExactTexts} split exactly ({TextShare:P1}); {GoldSentences} gold sentences, {FoundSentences} found whole ({SentenceShare:P1}); boundaries P {Precision:F3} R {Recall:F3} F1 {F1:F3} ({TrueBoundaries} of {GoldBoundaries} gold, {FoundBoundaries} found)");
    }
}
