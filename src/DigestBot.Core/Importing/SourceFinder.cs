using System.Text.RegularExpressions;

namespace DigestBot.Core.Importing;

/// <summary>Finds the outlet a scraped page names as its source, from the most explicit mention to the least.</summary>
internal static partial class SourceFinder
{
    /// <summary>Sentences naming the outlet are written at the top or the bottom of a page; the middle is quotes and prose.</summary>
    private const int EdgeLines = 6;

    private const RegexOptions Words = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled;

    /// <summary>An outlet's name: up to four capitalised words, or a domain.</summary>
    private const string Outlet = @"[«""]?[\p{Lu}\d][\p{L}\d.-]*[»""]?(?:\s+[«""]?\p{Lu}[\p{L}\d.-]*[»""]?){0,3}|[\p{Ll}\d-]+(?:\.[\p{Ll}\d-]+)*\.\p{Ll}{2,}";

    private static readonly string Reporters = PageVocabulary.Alternation(w => w.Reporters);

    private static readonly Regex Attribution = new(
        $@"^(?:{PageVocabulary.Alternation(w => w.SourceLabels)})\s*:\s*(?<source>[^\s,;].{{0,80}}?)\s*$", Words);

    /// <summary>
    /// "…, передает корреспондент Деловой Казахстан." and "… – деп хабарлайды Kazinform тілшісі": a reporting verb, maybe a
    /// reporter's title, then the outlet, maybe followed by the Kazakh reporter's title. The verb opens the pattern (its
    /// boundary is a lookbehind) so that the search jumps from verb to verb instead of trying every space. The verb is
    /// matched in lowercase only: "Сообщает" opening a line starts a sentence, not an attribution.
    /// </summary>
    private static readonly Regex ReportedBy = new(
        $@"(?<=^|[\s,–—-])(?:{PageVocabulary.Alternation(w => w.ReportingVerbs)})\s+(?:(?:{Reporters})\s+){{0,2}}(?<source>{Outlet})(?:\s+(?:{Reporters}))?\s*(?:[.!]|$)",
        RegexOptions.CultureInvariant | RegexOptions.Compiled);

    /// <summary>"…, Kazinform reports.": the English order, the outlet before the verb, closing the sentence.</summary>
    private static readonly Regex OutletReports = new(
        $@"(?<=[,–—]\s)(?<source>\p{{Lu}}[\p{{L}}\d.-]*(?:\s+\p{{Lu}}[\p{{L}}\d.-]*){{0,3}})\s+(?:{string.Join('|', PageVocabulary.English.ReportingVerbs)})\s*[.!]?$",
        RegexOptions.CultureInvariant | RegexOptions.Compiled);

    public static string? Find(IReadOnlyList<string> units) =>
        Labelled(units)
        ?? FirstOf(units, line => ReportedBy.Match(line))
        ?? FirstOf(units, line => OutletReports.Match(line))
        ?? LastBareDomain(units)
        ?? FirstOf(units, line => ChannelFooter().Match(line));

    /// <summary>Trims quotes and punctuation; a domain is written in lowercase without scheme or "www.".</summary>
    public static string? Normalize(string? source)
    {
        if (string.IsNullOrWhiteSpace(source))
        {
            return null;
        }

        var value = source.Trim().Trim('«', '»', '"', '“', '”', '\'', '.', ',', ';', ':', ' ');
        if (Domain().Match(value) is { Success: true } domain)
        {
            return domain.Groups["host"].Value.ToLowerInvariant();
        }

        return value.Length > 0 ? value : null;
    }

    private static string? FirstOf(IReadOnlyList<string> units, Func<string, Match> match)
    {
        foreach (var index in EdgeIndexes(units.Count))
        {
            if (match(units[index]) is { Success: true } found)
            {
                return Normalize(found.Groups["source"].Value);
            }
        }

        return null;
    }

    /// <summary>A labelled source line ("Дереккөз: …") is never prose, so it counts anywhere: a long footer of related
    /// headlines may push it far from the page's end.</summary>
    private static string? Labelled(IReadOnlyList<string> units) =>
        units.Select(line => Attribution.Match(line)).FirstOrDefault(match => match.Success) is { } found ? Normalize(found.Groups["source"].Value) : null;

    private static string? LastBareDomain(IReadOnlyList<string> units)
    {
        for (var i = units.Count - 1; i >= Math.Max(0, units.Count - EdgeLines); i--)
        {
            if (BoilerplateLines.IsBareDomain(units[i]))
            {
                return Normalize(units[i]);
            }
        }

        return null;
    }

    /// <summary>The first and the last lines of the page, without visiting a line twice.</summary>
    private static IEnumerable<int> EdgeIndexes(int count)
    {
        var head = Math.Min(count, EdgeLines);
        for (var i = 0; i < head; i++)
        {
            yield return i;
        }

        for (var i = Math.Max(head, count - EdgeLines); i < count; i++)
        {
            yield return i;
        }
    }

    /// <summary>"…«Айқынның» Telegram арнасынан…": the outlet named in its own call to subscribe, genitive ending dropped.</summary>
    [GeneratedRegex(@"«(?<source>[^»]{2,40}?)(?:ның|нің|дың|дің|тың|тің)?»\s*(?:telegram|телеграм|instagram|facebook|youtube)", RegexOptions.IgnoreCase)]
    private static partial Regex ChannelFooter();

    [GeneratedRegex(@"^(?:https?://)?(?:www\.)?(?<host>[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.\p{L}{2,})/?$", RegexOptions.IgnoreCase)]
    private static partial Regex Domain();
}
