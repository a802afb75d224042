using System.Globalization;
using System.Text.Json;
using DigestBot.Core.Articles;
using DigestBot.Core.Importing;

namespace DigestBot.Core.Tests.Importing;

/// <summary>One raw page of tests/data/pages and what importing it must give.</summary>
public sealed record PageExpectation(
    string File,
    string Template,
    string Language,
    string Title,
    string? Published,
    string? Source,
    IReadOnlyList<string> Paragraphs,
    IReadOnlyList<string> Chrome)
{
    public override string ToString() => File;
}

/// <summary>
/// The page corpora of tests/data/pages: "heldout" measures the page rules on pages they were not written for, "tuning"
/// holds the pages (and the seeds) the rules may be fitted to. Each page is imported exactly as a .txt seed is and scored
/// on the checks the seeds are held to.
/// </summary>
public static class PageCorpus
{
    public static readonly string[] Checks =
        ["title", "date", "source", "language", "first paragraph", "last paragraph", "headline not in body", "no boilerplate", "every paragraph"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly DocumentReader Reader = new();

    public static string Folder(string set) => Path.Combine(SeedFiles.Repository, "tests", "data", "pages", set);

    public static IReadOnlyList<PageExpectation> Load(string set)
    {
        using var stream = File.OpenRead(Path.Combine(Folder(set), "expected.json"));
        return JsonSerializer.Deserialize<Manifest>(stream, Json)!.Pages;
    }

    /// <summary>Imports the page as a seed file and names every check it fails, with what was found instead.</summary>
    public static Dictionary<string, string> Failures(string set, PageExpectation page)
    {
        var path = Path.GetFullPath(Path.Combine(Folder(set), page.File));
        var result = Reader.Read(Path.GetFileName(path), File.ReadAllBytes(path));
        var failures = new Dictionary<string, string>();
        if (result.Articles.Count != 1)
        {
            foreach (var check in Checks)
            {
                failures[check] = $"{result.Articles.Count} articles ({result.SkipReason})";
            }

            return failures;
        }

        var article = result.Articles[0];
        var body = article.Body.Split("\n\n");
        var published = page.Published is null ? (DateTimeOffset?)null : DateTimeOffset.Parse(page.Published, CultureInfo.InvariantCulture);
        LanguageCodes.TryParse(page.Language, out var language);

        Expect(failures, "title", article.Title == page.Title, article.Title);
        Expect(failures, "date", article.PublishedAt == published, article.PublishedAt?.ToString("O", CultureInfo.InvariantCulture) ?? "none");
        Expect(failures, "source", article.Source == page.Source, article.Source ?? "none");
        Expect(failures, "language", article.Language == language, article.Language.ToCode());
        Expect(failures, "first paragraph", body[0] == page.Paragraphs[0], body[0]);
        Expect(failures, "last paragraph", body[^1] == page.Paragraphs[^1], body[^1]);
        var withHeadline = body.FirstOrDefault(p => p.Contains(page.Title, StringComparison.OrdinalIgnoreCase));
        Expect(failures, "headline not in body", withHeadline is null, withHeadline ?? "");
        var foreign = body.Where(p => !page.Paragraphs.Contains(p)).ToList();
        Expect(failures, "no boilerplate", foreign.Count == 0, string.Join(" | ", foreign));
        var missing = page.Paragraphs.Where(p => !body.Contains(p)).ToList();
        Expect(failures, "every paragraph", body.SequenceEqual(page.Paragraphs), missing.Count > 0 ? "missing: " + string.Join(" | ", missing) : "order");
        return failures;
    }

    /// <summary>Pages passing each check, out of all pages, as the table of docs/benchmarks.md prints it.</summary>
    public static string Figures(string set, IReadOnlyList<PageExpectation> pages, out int fullyPassing)
    {
        var failures = pages.Select(page => Failures(set, page)).ToList();
        fullyPassing = failures.Count(f => f.Count == 0);
        var lines = new List<string> { $"{set}: {pages.Count} pages", "| check | pages passing |", "|---|---|" };
        foreach (var check in Checks)
        {
            lines.Add($"| {check} | {failures.Count(f => !f.ContainsKey(check))}/{pages.Count} |");
        }

        lines.Add($"| all checks | {fullyPassing}/{pages.Count} |");
        for (var i = 0; i < pages.Count; i++)
        {
            foreach (var (check, found) in failures[i])
            {
                lines.Add($"  {pages[i].File}: {check}: {found}");
            }
        }

        return string.Join('\n', lines);
    }

    private static void Expect(Dictionary<string, string> failures, string check, bool passed, string found)
    {
        if (!passed)
        {
            failures[check] = found;
        }
    }

    private sealed record Manifest(IReadOnlyList<PageExpectation> Pages);
}
