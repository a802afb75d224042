using Xunit.Abstractions;

namespace DigestBot.Core.Tests.Importing;

/// <summary>
/// Every page of tests/data/pages imported as a seed is and held to the seeds' checks: title, date, source, language, the
/// body from the article's first to its last paragraph with no page chrome left and the headline not repeated in it.
/// The figures test prints the table of docs/benchmarks.md ("Page parsing on held-out pages").
/// </summary>
public class PageCorpusTests(ITestOutputHelper output)
{
    public static TheoryData<string, string> HeldOutPages => Pages("heldout");

    public static TheoryData<string, string> TuningPages => Pages("tuning");

    [Theory]
    [MemberData(nameof(HeldOutPages))]
    [MemberData(nameof(TuningPages))]
    public void Page_imports_with_its_title_date_source_language_and_body(string set, string file)
    {
        var page = PageCorpus.Load(set).Single(p => p.File == file);

        PageCorpus.Failures(set, page).Should().BeEmpty();
    }

    [Theory]
    [InlineData("heldout", 30)]
    [InlineData("tuning", 10)]
    public void Figures_per_check(string set, int minimumPages)
    {
        var pages = PageCorpus.Load(set);

        output.WriteLine(PageCorpus.Figures(set, pages, out var passing));

        pages.Should().HaveCountGreaterThanOrEqualTo(minimumPages);
        passing.Should().Be(pages.Count);
    }

    private static TheoryData<string, string> Pages(string set)
    {
        var data = new TheoryData<string, string>();
        foreach (var page in PageCorpus.Load(set))
        {
            data.Add(set, page.File);
        }

        return data;
    }
}
