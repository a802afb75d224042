using Microsoft.Extensions.Options;

namespace DigestBot.Search;

/// <summary>How searches are answered (section <c>Search</c>).</summary>
public sealed class SearchOptions
{
    public const string Section = "Search";

    /// <summary>
    /// A query is ranked among at most this many of its matches, the most recently added. Ranking costs time in
    /// proportion to the matches it scores, and a broad query ("през*" matches half of a news store) asked of a news bot
    /// wants the recent ones; a narrower query is ranked whole.
    /// </summary>
    public int RankedMatches { get; set; } = 1000;
}

internal sealed class SearchOptionsValidator : IValidateOptions<SearchOptions>
{
    public const int MinRankedMatches = 100;
    public const int MaxRankedMatches = 100_000;

    public ValidateOptionsResult Validate(string? name, SearchOptions options) =>
        // Round hundreds keep "more than 1000" grammatical in every language the bot speaks.
        options.RankedMatches is < MinRankedMatches or > MaxRankedMatches || options.RankedMatches % 100 != 0
            ? ValidateOptionsResult.Fail(
                $"Search:RankedMatches (env Search__RankedMatches) must be a multiple of 100 between {MinRankedMatches} and {MaxRankedMatches}, not {options.RankedMatches}.")
            : ValidateOptionsResult.Success;
}
