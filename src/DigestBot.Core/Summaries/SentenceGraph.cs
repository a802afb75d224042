using System.Runtime.InteropServices;
using DigestBot.Core.Text;

namespace DigestBot.Core.Summaries;

/// <summary>
/// Sentences as TF-IDF vectors of stemmed, stop-word-free terms, their cosine similarities,
/// and LexRank centrality (PageRank over the similarity-weighted graph).
/// </summary>
internal sealed class SentenceGraph
{
    private const double Damping = 0.85;
    private const int MaxIterations = 50;
    private const double Tolerance = 1e-6;

    private readonly double[] similarity;

    private SentenceGraph(int count, double[] similarity, double[] centrality)
    {
        Count = count;
        this.similarity = similarity;
        Centrality = centrality;
    }

    public int Count { get; }

    /// <summary>LexRank scores, scaled so that the most central sentence has 1.</summary>
    public double[] Centrality { get; }

    public double Similarity(int a, int b) => similarity[(a * Count) + b];

    public static SentenceGraph Build(IReadOnlyList<string> sentences, TextAnalyzer analyzer)
    {
        var count = sentences.Count;
        var vectors = Vectorize(sentences, analyzer);
        var similarity = new double[count * count];
        for (var a = 0; a < count; a++)
        {
            for (var b = a + 1; b < count; b++)
            {
                var value = vectors[a].Dot(vectors[b]);
                similarity[(a * count) + b] = value;
                similarity[(b * count) + a] = value;
            }
        }

        return new SentenceGraph(count, similarity, Rank(count, similarity));
    }

    private static SparseVector[] Vectorize(IReadOnlyList<string> sentences, TextAnalyzer analyzer)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var counts = new Dictionary<int, int>[sentences.Count];
        var documentFrequency = new List<int>();
        var terms = new List<string>();
        for (var s = 0; s < sentences.Count; s++)
        {
            terms.Clear();
            analyzer.Analyze(sentences[s], terms, keepStopWords: false);
            var sentenceCounts = new Dictionary<int, int>(terms.Count);
            foreach (var term in terms)
            {
                ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(ids, term, out var exists);
                if (!exists)
                {
                    id = ids.Count - 1;
                    documentFrequency.Add(0);
                }

                ref var count = ref CollectionsMarshal.GetValueRefOrAddDefault(sentenceCounts, id, out var seen);
                if (!seen)
                {
                    documentFrequency[id]++;
                }

                count++;
            }

            counts[s] = sentenceCounts;
        }

        var vectors = new SparseVector[sentences.Count];
        for (var s = 0; s < sentences.Count; s++)
        {
            vectors[s] = SparseVector.Create(counts[s], documentFrequency, sentences.Count);
        }

        return vectors;
    }

    private static double[] Rank(int count, double[] similarity)
    {
        var scores = new double[count];
        if (count == 0)
        {
            return scores;
        }

        var rowSums = new double[count];
        for (var a = 0; a < count; a++)
        {
            foreach (var value in similarity.AsSpan(a * count, count))
            {
                rowSums[a] += value;
            }
        }

        Array.Fill(scores, 1.0 / count);
        var next = new double[count];
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            var dangling = 0.0;
            for (var a = 0; a < count; a++)
            {
                if (rowSums[a] == 0)
                {
                    dangling += scores[a];
                }
            }

            var change = 0.0;
            for (var b = 0; b < count; b++)
            {
                var incoming = dangling / count;
                for (var a = 0; a < count; a++)
                {
                    if (rowSums[a] > 0)
                    {
                        incoming += scores[a] * similarity[(a * count) + b] / rowSums[a];
                    }
                }

                next[b] = ((1 - Damping) / count) + (Damping * incoming);
                change += Math.Abs(next[b] - scores[b]);
            }

            (scores, next) = (next, scores);
            if (change < Tolerance)
            {
                break;
            }
        }

        var max = scores.Max();
        for (var i = 0; i < count; i++)
        {
            scores[i] /= max;
        }

        return scores;
    }

    /// <summary>A unit-length TF-IDF vector with term ids in ascending order.</summary>
    private readonly record struct SparseVector(int[] Ids, double[] Weights)
    {
        public static SparseVector Create(Dictionary<int, int> counts, List<int> documentFrequency, int documents)
        {
            var ids = new int[counts.Count];
            var weights = new double[counts.Count];
            var i = 0;
            foreach (var id in counts.Keys)
            {
                ids[i++] = id;
            }

            Array.Sort(ids);
            var norm = 0.0;
            for (i = 0; i < ids.Length; i++)
            {
                var tf = 1 + Math.Log(counts[ids[i]]);
                var idf = Math.Log((1.0 + documents) / documentFrequency[ids[i]]);
                weights[i] = tf * idf;
                norm += weights[i] * weights[i];
            }

            norm = Math.Sqrt(norm);
            if (norm > 0)
            {
                for (i = 0; i < weights.Length; i++)
                {
                    weights[i] /= norm;
                }
            }

            return new SparseVector(ids, weights);
        }

        public double Dot(SparseVector other)
        {
            double sum = 0;
            int i = 0, j = 0;
            while (i < Ids.Length && j < other.Ids.Length)
            {
                var difference = Ids[i] - other.Ids[j];
                if (difference == 0)
                {
                    sum += Weights[i++] * other.Weights[j++];
                }
                else if (difference < 0)
                {
                    i++;
                }
                else
                {
                    j++;
                }
            }

            return sum;
        }
    }
}
