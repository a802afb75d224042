using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DigestBot.StorageEngines.Postgres.Migrations;

/// <summary>
/// An index of the first 4 letters of every word of each search document, beside its slice, as FTS5's prefix indexes
/// are on SQLite: the document index reads a prefix by merging the articles of all of its words across the whole store,
/// 60 ms for <c>пост*</c> at a million articles, where this one reads the newest slices' articles of one entry. Four
/// letters only: with 3, 4 and 5 the index held three times the entries and the import on PostgreSQL ran at 0.6 times
/// the rate; a longer prefix stands for few enough words to be asked for one by one. <c>search_prefixes</c> computes
/// the entries and must stay as the index was built with it; a search of 4-letter prefixes alone asks for them (see
/// <c>PostgresArticleSearch</c>). The model does not map the table, so the snapshot is unchanged.
/// </summary>
[DbContext(typeof(PostgresDigestDbContext))]
[Migration("20261202040000_SearchPrefixes")]
public partial class SearchPrefixes : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE FUNCTION search_prefixes(document tsvector) RETURNS text[]
                LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
                RETURN ARRAY(SELECT DISTINCT left(lexeme, 4) FROM unnest(tsvector_to_array(document)) AS lexeme WHERE length(lexeme) >= 4);
            """);
        migrationBuilder.Sql("SET LOCAL maintenance_work_mem = '256MB';");
        migrationBuilder.Sql("CREATE INDEX ix_article_search_prefixes ON article_search USING gin (((article_id >> 12)::integer), search_prefixes(document));");

        // ANALYZE would compute the prefixes of every sampled document for statistics no plan here reads: 40 s a time
        // at a million articles (with the prefixes of 3 to 5 letters).
        migrationBuilder.Sql("ALTER INDEX ix_article_search_prefixes ALTER COLUMN 1 SET STATISTICS 0;");
        migrationBuilder.Sql("ALTER INDEX ix_article_search_prefixes ALTER COLUMN 2 SET STATISTICS 0;");
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("DROP INDEX ix_article_search_prefixes;");
        migrationBuilder.Sql("DROP FUNCTION search_prefixes(tsvector);");
    }
}
