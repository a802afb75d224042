using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DigestBot.StorageEngines.Postgres.Migrations;

/// <summary>
/// <c>search_terms</c>, every lexeme some search document holds, filled here from the documents already stored and then
/// by the indexer: a search leaves out its words' forms no article holds and reads a prefix as the words it stands for
/// (see <c>PostgresArticleSearch</c>). The C collation orders the terms by their bytes, so that the words of a prefix
/// are one range of the key. The model does not map the table, so the snapshot is unchanged.
/// </summary>
[DbContext(typeof(PostgresDigestDbContext))]
[Migration("20261202020000_SearchVocabulary")]
public partial class SearchVocabulary : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""CREATE TABLE search_terms (term text COLLATE "C" PRIMARY KEY);""");
        migrationBuilder.Sql("INSERT INTO search_terms SELECT DISTINCT unnest(tsvector_to_array(document)) FROM article_search;");
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("DROP TABLE search_terms;");
}
