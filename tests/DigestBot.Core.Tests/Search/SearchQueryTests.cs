using System.Text.RegularExpressions;
using DigestBot.Core.Search;

namespace DigestBot.Core.Tests.Search;

public partial class SearchQueryTests
{
    [Theory]
    [InlineData("корь", "(\"кор\" OR \"корь\")")]
    [InlineData("корь тюлени", "(\"кор\" OR \"корь\") AND (\"тюл\" OR \"тюлени\")")]
    [InlineData("корь OR тюлени", "(\"кор\" OR \"корь\" OR \"тюл\" OR \"тюлени\")")]
    [InlineData("корь или тюлени", "(\"кор\" OR \"корь\" OR \"тюл\" OR \"тюлени\")")]
    [InlineData("корь немесе тюлени", "(\"кор\" OR \"корь\" OR \"тюл\" OR \"тюлени\")")]
    [InlineData("корь -тюлени", "((\"кор\" OR \"корь\")) NOT (\"тюл\" OR \"тюлени\")")]
    [InlineData("диплом*", "\"диплом\"*")]
    [InlineData("Дипломатия*", "\"дипломат\"*")]
    [InlineData("\"мектеп салу\"", "(\"мектеп сал\" OR \"мектеп салу\")")]
    [InlineData("мектеп -\"мектеп салу\"", "(\"мектеп\") NOT (\"мектеп сал\" OR \"мектеп салу\")")]
    [InlineData("Мектеп и the", "\"мектеп\"")]
    public void Each_syntax_becomes_quoted_terms(string query, string expression) =>
        SearchQuery.Parse(query).OwnForms.ToFts5().Should().Be(expression);

    [Theory]
    [InlineData("корь", "\"кызылша\"")]
    [InlineData("Туркестан", "\"туркистан\"")]
    [InlineData("Қостанай", "\"костанайск\"")]
    public void A_word_also_stands_for_its_forms_in_the_other_languages(string query, string otherForm)
    {
        var parsed = SearchQuery.Parse(query);

        parsed.ToFts5().Should().Contain(otherForm);
        parsed.OwnForms.ToFts5().Should().NotContain(otherForm);
    }

    [Theory]
    [InlineData("корь -қызылша", "NOT (\"кызылш\" OR \"кызылша\")")]
    [InlineData("\"корь дети\"", "(\"кор дет\" OR \"кор дети\" OR \"корь дет\" OR \"корь дети\")")]
    public void Exclusions_and_phrases_keep_to_the_words_own_forms(string query, string expression) =>
        SearchQuery.Parse(query).ToFts5().Should().EndWith(expression);

    [Theory]
    [InlineData("корь", "корь кызылша", "(\"корь\" OR \"кызылша\")", "\"корь\"")]
    [InlineData("корь", "", "\"кор\"", "\"кор\"")]
    [InlineData("корь -тюлени", "кор", "(\"кор\") NOT \"тюл\"", "(\"кор\") NOT \"тюл\"")]
    [InlineData("диплом* корь", "корь", "\"диплом\"* AND \"корь\"", "\"диплом\"* AND \"корь\"")]
    [InlineData("covid-19 корь", "корь", "\"covid-19\" AND \"корь\"", "\"covid-19\" AND \"корь\"")]
    [InlineData("\"корь дети\"", "корь дети", "\"корь дети\"", "\"корь дети\"")]
    public void Forms_the_index_does_not_hold_are_left_out(string query, string held, string expression, string ownForms)
    {
        var pruned = SearchQuery.Parse(query).Without(held.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet());

        pruned.ToFts5().Should().Be(expression);
        pruned.OwnForms.ToFts5().Should().Be(ownForms);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("-корь")]
    [InlineData("-корь -\"мектеп салу\"")]
    [InlineData("и или the")]
    [InlineData("\"\" * ( ) ^ : ; -- OR AND NOT")]
    [InlineData("😀🇰🇿")]
    [InlineData("ж*")]
    public void Queries_with_nothing_required_are_empty(string query)
    {
        var parsed = SearchQuery.Parse(query);

        parsed.IsEmpty.Should().BeTrue();
        parsed.ToFts5().Should().BeNull();
    }

    [Theory]
    [InlineData("title:корь")]
    [InlineData("NEAR(корь мектеп, 2)")]
    [InlineData("корь\" OR \"мектеп")]
    [InlineData("корь ^мектеп")]
    [InlineData("{title body}: корь")]
    [InlineData("корь'); DROP TABLE Articles; --")]
    [InlineData("\"корь")]
    [InlineData("((((корь")]
    [InlineData("корь* * ** \"*\"")]
    [InlineData("корь AND NOT мектеп OR")]
    [InlineData("\u0000корь\uD800мектеп\uDFFF")]
    public void Hostile_input_yields_only_quoted_tokens_and_operators(string query) =>
        IsSafe(SearchQuery.Parse(query).ToFts5()!).Should().BeTrue();

    [Fact]
    public void Long_queries_are_capped_in_length_and_words()
    {
        var words = string.Join(' ', Enumerable.Range(0, 1000).Select(i => $"сөз{i}"));

        var parsed = SearchQuery.Parse(words);

        parsed.Required.Sum(group => group.Sum(term => term.Words.Count)).Should().BeLessThanOrEqualTo(SearchQuery.MaxWords);
        IsSafe(parsed.ToFts5()!).Should().BeTrue();
        SearchQuery.Parse(new string('а', 5000)).IsEmpty.Should().BeTrue("a word longer than any term is no term");
    }

    [Fact]
    public void A_phrase_of_many_stems_is_capped_in_variants()
    {
        var expression = SearchQuery.Parse("\"Ассамблея народа Казахстана собралась в Астане\"").ToFts5()!;

        Regex.Count(expression, " OR ").Should().BeLessThan(16);
    }

    [Theory]
    [InlineData("Ассамблея", "ассамбл", true)]
    [InlineData("Ассамблея", "ассамблея", true)]
    [InlineData("диплом*", "дипломатиялык", true)]
    [InlineData("корь -мектеп", "мектеп", false)]
    [InlineData("корь", "корабл", false)]
    public void Matches_tells_which_document_terms_to_highlight(string query, string term, bool matches) =>
        SearchQuery.Parse(query).Matches(term).Should().Be(matches);

    // Outside the quoted strings only brackets, spaces, AND/OR/NOT and a prefix star may appear.
    private static bool IsSafe(string expression) =>
        QuotedString().Replace(expression, "T").Split([' ', '(', ')'], StringSplitOptions.RemoveEmptyEntries)
            .All(part => part is "T" or "T*" or "AND" or "OR" or "NOT");

    [GeneratedRegex("\"(?:[^\"]|\"\")*\"")]
    private static partial Regex QuotedString();
}
