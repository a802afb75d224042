using System.Text.Json;

namespace DigestBot.Core.Summaries;

/// <summary>A half of a reference set: the one rules are tuned on, or the one that is only measured.</summary>
public enum SummaryHalf
{
    Tuning,
    Heldout,
}

/// <summary>The ids of a reference set's tuning half and held-out half, as in <c>tests/data/summaries/split.json</c>.</summary>
public sealed class SummarySplit
{
    private readonly Dictionary<string, SummaryHalf> halves;

    private SummarySplit(Dictionary<string, SummaryHalf> halves) => this.halves = halves;

    /// <summary>Reads <c>{"tuning": [ids], "heldout": [ids]}</c>.</summary>
    /// <exception cref="FormatException">The JSON is not such an object, or an id is listed twice.</exception>
    public static SummarySplit Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var halves = new Dictionary<string, SummaryHalf>(StringComparer.Ordinal);
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("summary split: not a JSON object");
            }

            foreach (var (name, half) in new[] { ("tuning", SummaryHalf.Tuning), ("heldout", SummaryHalf.Heldout) })
            {
                if (!root.TryGetProperty(name, out var ids) || ids.ValueKind != JsonValueKind.Array)
                {
                    throw new FormatException($"summary split: \"{name}\" must be an array of ids");
                }

                foreach (var id in ids.EnumerateArray())
                {
                    if (id.ValueKind != JsonValueKind.String || !halves.TryAdd(id.GetString()!, half))
                    {
                        throw new FormatException($"summary split: \"{name}\" holds {id.GetRawText()}, not a new id");
                    }
                }
            }

            return new SummarySplit(halves);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"summary split: not valid JSON: {ex.Message}", ex);
        }
    }

    /// <summary>The cases of one half, in their order; a case without an id, or with an id the split lacks, is in neither.</summary>
    public IReadOnlyList<SummaryCase> Select(IEnumerable<SummaryCase> cases, SummaryHalf half) =>
        cases.Where(item => item.Id is not null && halves.TryGetValue(item.Id, out var of) && of == half).ToList();

    public bool Contains(SummaryCase item) => item.Id is not null && halves.ContainsKey(item.Id);
}
