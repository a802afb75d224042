using DigestBot.Core.Articles;

namespace DigestBot.Core.Summaries;

/// <summary>Tracks the sentences chosen so far against <see cref="SummaryLimits"/> and builds the <see cref="Summary"/>.</summary>
internal sealed class SummaryBudget(IReadOnlyList<string> sentences, SummaryLimits options)
{
    private const int Separator = 1;
    private readonly List<int> chosen = [];
    private int chars;

    public bool IsFull => chosen.Count >= options.MaxSentences;

    public bool IsEmpty => chosen.Count == 0;

    public bool Contains(int index) => chosen.Contains(index);

    public bool Fits(int index) => chars + (IsEmpty ? 0 : Separator) + sentences[index].Length <= options.MaxChars;

    public void Add(int index)
    {
        chars += (IsEmpty ? 0 : Separator) + sentences[index].Length;
        chosen.Add(index);
    }

    public Summary ToSummary(Language language, string method)
    {
        this.chosen.Sort();
        var chosen = new string[this.chosen.Count];
        for (var i = 0; i < chosen.Length; i++)
        {
            chosen[i] = sentences[this.chosen[i]];
        }

        return new Summary(string.Join(' ', chosen), chosen, language, method);
    }
}
