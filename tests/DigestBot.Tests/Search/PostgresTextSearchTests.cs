using DigestBot.Core.Articles;
using DigestBot.Core.Search;
using DigestBot.Search;
using DigestBot.StorageEngines.Postgres;
using NpgsqlTypes;

namespace DigestBot.Tests.Search;

/// <summary>Our terms become PostgreSQL text search values as FTS5 sees them: the same lexemes, positions and operators.</summary>
public class PostgresTextSearchTests
{
    [Theory]
    [InlineData("корь", "'кор' | 'корь'")]
    [InlineData("корь тюлени", "( 'кор' | 'корь' ) & ( 'тюл' | 'тюлени' )")]
    [InlineData("корь OR тюлени", "( ( 'кор' | 'корь' ) | 'тюл' ) | 'тюлени'")]
    [InlineData("корь -тюлени", "( 'кор' | 'корь' ) & !( 'тюл' | 'тюлени' )")]
    [InlineData("диплом*", "'диплом':*")]
    [InlineData("\"мектеп салу\"", "( 'мектеп' <-> 'сал' ) | ( 'мектеп' <-> 'салу' )")]
    [InlineData("Кока-кола", "( 'кока' <-> 'кол' ) | ( 'кока' <-> 'кола' )")]
    [InlineData("ТМД-ға*", "'тмд' <-> 'га':*")]
    [InlineData("Мектеп и the", "'мектеп'")]
    public void Each_syntax_becomes_the_tsquery_of_the_FTS5_expression(string query, string tsquery) =>
        PostgresTextSearch.Query(SearchQuery.Parse(query).OwnForms)!.ToString().Should().Be(tsquery);

    [Theory]
    [InlineData("\"мектеп салу\"", "'мектеп' & 'сал' | 'мектеп' & 'салу'", true)]
    [InlineData("корь \"мектеп салу\"", "( 'кор' | 'корь' ) & ( 'мектеп' & 'сал' | 'мектеп' & 'салу' )", true)]
    [InlineData("корь -\"мектеп салу\"", "'кор' | 'корь'", true)]
    [InlineData("корь -Кока-кола", "'кор' | 'корь'", true)]
    [InlineData("корь -тюлени", "( 'кор' | 'корь' ) & !( 'тюл' | 'тюлени' )", false)]
    [InlineData("ТМД-ға*", "'тмд' & 'га':*", true)]
    public void Candidates_hold_a_phrase_s_words_anywhere_and_drop_an_excluded_phrase(string query, string candidates, bool hasPhrase)
    {
        var parsed = SearchQuery.Parse(query).OwnForms;

        PostgresTextSearch.Candidates(parsed)!.ToString().Should().Be(candidates);
        PostgresTextSearch.HasPhrase(parsed).Should().Be(hasPhrase);
        if (!hasPhrase)
        {
            PostgresTextSearch.Candidates(parsed)!.ToString().Should().Be(PostgresTextSearch.Query(parsed)!.ToString(), "without a phrase the index answers the query itself");
        }
    }

    [Theory]
    [InlineData("кино*", "кино")]
    [InlineData("кино* тара*", "кино тара")]
    [InlineData("кин*", "")]
    [InlineData("киноф*", "")]
    [InlineData("кинотеатр*", "")]
    [InlineData("ки*", "")]
    [InlineData("кино* Астана", "")]
    [InlineData("кино* -театр", "")]
    [InlineData("кино* OR театр*", "")]
    [InlineData("ТМД-ға*", "")]
    public void Only_a_query_of_prefixes_of_4_letters_asks_the_prefix_index(string query, string prefixes) =>
        string.Join(' ', PostgresTextSearch.IndexedPrefixes(SearchQuery.Parse(query))).Should().Be(prefixes);

    [Theory]
    [InlineData("")]
    [InlineData("-корь")]
    [InlineData("\"\" * ( ) OR")]
    public void Queries_that_require_nothing_have_no_tsquery(string query) =>
        PostgresTextSearch.Query(SearchQuery.Parse(query)).Should().BeNull();

    [Fact]
    [Trait("Category", "Slow")]
    public void Hostile_input_yields_lexemes_of_letters_and_digits_only()
    {
        foreach (var query in HostileQueryTests.Generate(new Random(20261121)))
        {
            if (PostgresTextSearch.Query(SearchQuery.Parse(query)) is { } tsquery)
            {
                Lexemes(tsquery).Should().OnlyContain(lexeme => lexeme.Length > 0 && lexeme.All(char.IsLetterOrDigit), $"«{query}» is {tsquery}");
            }
        }
    }

    [Fact]
    public void A_document_weighs_title_summary_and_body_and_keeps_a_gap_between_them()
    {
        var source = new IndexSource(1, "Жаңа мектеп", "Мектеп салу Кока-кола жалғасады.", "Мектеп ашылды", Language.Kk, DateTimeOffset.UnixEpoch);

        var document = Entries(PostgresTextSearch.Document(source));

        document["жана"].Should().Equal("1A");
        document["мектеп"].Should().Equal("2A", "4B", "7C");
        document["ашыл"].Should().Equal("5B");
        document["кока"].Should().Equal(["9C"], "a hyphenated word is two lexemes side by side");
        document["кола"].Should().Equal("10C");
    }

    [Fact]
    public void A_word_repeated_past_the_position_limit_keeps_its_first_positions()
    {
        var source = new IndexSource(1, "мектеп", string.Join(' ', Enumerable.Repeat("мектеп", 20_000)), null, Language.Kk, DateTimeOffset.UnixEpoch);

        var document = Entries(PostgresTextSearch.Document(source));

        document.Should().ContainSingle().Which.Value.Should().HaveCount(256).And.StartWith("1A").And.EndWith("258C");
    }

    // The literal's entries ('lexeme':1A,5C) by lexeme; the lexemes here hold no quotes or spaces.
    private static Dictionary<string, string[]> Entries(string literal) =>
        literal.Split(' ').Select(entry => entry.Split("':")).ToDictionary(parts => parts[0].TrimStart('\''), parts => parts[1].Split(','));

    private static IEnumerable<string> Lexemes(NpgsqlTsQuery node) => node switch
    {
        NpgsqlTsQueryLexeme lexeme => [lexeme.Text],
        NpgsqlTsQueryNot not => Lexemes(not.Child),
        NpgsqlTsQueryBinOp operation => Lexemes(operation.Left).Concat(Lexemes(operation.Right)),
        _ => [],
    };
}
