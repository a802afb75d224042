using DigestBot.Core.Articles;

namespace DigestBot.Core.Summaries;

/// <summary>Tracks the sentences chosen so far against <see cref="SummaryOptions"/> and builds the <see cref="Summary"/>.</summary>
internal sealed class SummaryBudget(IReadOnlyList<string> sentences, SummaryOptions options)
{
    private const int Separator = 1;
    private readonly List<int> _chosen = [];
    private int _chars;

    public bool IsFull => _chosen.Count >= options.MaxSentences;

    public bool IsEmpty => _chosen.Count == 0;

    public bool Contains(int index) => _chosen.Contains(index);

    public bool Fits(int index) => _chars + (IsEmpty ? 0 : Separator) + sentences[index].Length <= options.MaxChars;

    public void Add(int index)
    {
        _chars += (IsEmpty ? 0 : Separator) + sentences[index].Length;
        _chosen.Add(index);
    }

    public Summary ToSummary(Language language, string method)
    {
        _chosen.Sort();
        var chosen = new string[_chosen.Count];
        for (var i = 0; i < chosen.Length; i++)
        {
            chosen[i] = sentences[_chosen[i]];
        }

        return new Summary(string.Join(' ', chosen), chosen, language, method);
    }
}
