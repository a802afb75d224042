using System.Text;
using DigestBot.Core.Articles;
using DigestBot.Core.Rendering;

namespace DigestBot.Tests.Search;

/// <summary>Whatever a reader types, search answers without an error, with valid snippet HTML, and syntax it does not
/// understand never changes what the words it does understand find.</summary>
public class HostileQueryTests(SearchCorpus corpus) : IClassFixture<SearchCorpus>
{
    public const int GeneratedQueries = 3000;

    private static readonly string[] Fragments =
    [
        "\"", "*", "NEAR(", "NEAR", "AND", "OR", "NOT", "(", ")", ":", "^", "'", ";", "--", "DROP TABLE Articles",
        "title:", "body:", "{title body}:", "\"\"", "-", "+", "или", "немесе", "😀", "🇰🇿", "\u0000", "\uD800", "%", "_",
        "' OR 1=1 --", "Ассамблея", "Тоқаев", "диплом*", "-корь", "\"Средний коридор\"", "Астана", "x", "1", "*диплом",
    ];

    // Parsed away entirely: appending them to a query must not change its hits.
    private static readonly string[] Droppable =
        ["\"", "*", "(", ")", ":", "^", "'", ";", "--", "AND", "NOT", "OR", "😀", "-", "\"\"", "и", "the", "( ) ^ :", "* *"];

    public static TheoryData<string> CleanQueries => new()
    {
        "Тоқаев Ассамблея", "корь", "\"Ассамблея народа Казахстана\"", "диплом*", "хоккей OR футбол", "мектеп -жаңа", "Казакстан халкы",
    };

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Thousands_of_generated_queries_answer_without_errors_and_with_valid_snippets()
    {
        var random = new Random(20261121);
        var answered = 0;
        foreach (var query in Generate(random))
        {
            var page = await corpus.Search.SearchAsync(query, random.Next(4) == 0 ? Language.Kk : null, 0, 5, CancellationToken.None);
            page.Total.Should().BeGreaterThanOrEqualTo(page.Hits.Count);
            foreach (var hit in page.Hits)
            {
                TelegramHtmlValidator.Validate(hit.SnippetHtml).IsValid.Should().BeTrue($"the snippet for «{query}» was {hit.SnippetHtml}");
            }

            answered++;
        }

        answered.Should().BeGreaterThan(GeneratedQueries);
    }

    /// <summary>Random strings of search syntax, SQL and words, pathological lengths, and random UTF-16, more than
    /// <see cref="GeneratedQueries"/> in all; the same ones for the same <paramref name="random"/>.</summary>
    public static IEnumerable<string> Generate(Random random) =>
        Enumerable.Range(0, GeneratedQueries)
            .Select(_ => string.Join(random.Next(3) == 0 ? "" : " ", Enumerable.Range(0, random.Next(1, 8)).Select(_ => Fragments[random.Next(Fragments.Length)])))
            .Concat([new string('а', 5000), string.Concat(Enumerable.Repeat("Ассамблея OR ", 500)), string.Concat(Enumerable.Repeat("\"", 5000)), string.Concat(Enumerable.Repeat("(", 5000))])
            .Concat(Enumerable.Range(0, 200).Select(_ => RandomUnicode(random, random.Next(1, 300))));

    [Theory]
    [MemberData(nameof(CleanQueries))]
    public async Task Syntax_the_parser_drops_does_not_change_the_hits(string clean)
    {
        var expected = await HitsAsync(clean);
        expected.Should().NotBeEmpty();

        foreach (var fragment in Droppable)
        {
            (await HitsAsync($"{clean} {fragment}")).Should().Equal(expected, $"«{fragment}» appended means nothing");
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("-корь")]
    [InlineData("и или the")]
    [InlineData("\"\" * ( ) OR")]
    public async Task Queries_with_nothing_to_find_have_no_results(string query)
    {
        var page = await corpus.Search.SearchAsync(query, null, 0, 5, CancellationToken.None);

        page.Total.Should().Be(0);
        page.Hits.Should().BeEmpty();
    }

    [Fact]
    public async Task Pages_follow_one_another_without_gaps_or_repeats()
    {
        var all = await corpus.Search.SearchAsync("Казахстан", null, 0, 100, CancellationToken.None);
        var pages = new List<long>();
        for (var skip = 0; skip < all.Total; skip += 3)
        {
            var page = await corpus.Search.SearchAsync("Казахстан", null, skip, 3, CancellationToken.None);
            page.Total.Should().Be(all.Total);
            pages.AddRange(page.Hits.Select(h => h.ArticleId));
        }

        all.Total.Should().BeGreaterThan(3);
        pages.Should().Equal(all.Hits.Select(h => h.ArticleId));
    }

    [Fact]
    public async Task The_language_filter_keeps_only_that_language()
    {
        var page = await corpus.Search.SearchAsync("Астана", Language.Kk, 0, 50, CancellationToken.None);

        page.Hits.Should().NotBeEmpty();
        page.Hits.Select(h => corpus.NameOf(h.ArticleId)).Should().OnlyContain(name => name.StartsWith("kk-", StringComparison.Ordinal) || !name.Contains('-'));
    }

    private async Task<List<long>> HitsAsync(string query) =>
        [.. (await corpus.Search.SearchAsync(query, null, 0, 20, CancellationToken.None)).Hits.Select(h => h.ArticleId)];

    private static string RandomUnicode(Random random, int length)
    {
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            text.Append((char)random.Next(0, 0x10000));
        }

        return text.ToString();
    }
}
