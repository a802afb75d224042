using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DigestBot.StorageEngines.Postgres.Migrations;

/// <summary>The search documents: one weighted <c>tsvector</c> of analyzed terms per article, under a GIN index; the
/// model does not map the table, so the snapshot is unchanged.</summary>
/// <remarks>The analyzer is C#, so the table is filled at start by <see cref="PostgresArticleIndexer"/>, not here.
/// Language and date are copied in so that counting and ranking read this table alone.</remarks>
[DbContext(typeof(PostgresDigestDbContext))]
[Migration("20261121040000_SearchDocuments")]
public partial class SearchDocuments : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE article_search (
                article_id bigint PRIMARY KEY REFERENCES "Articles" ("Id") ON DELETE CASCADE,
                language character varying(2) NOT NULL,
                dated_at timestamp with time zone NOT NULL,
                document tsvector NOT NULL
            );
            """);
        migrationBuilder.Sql("CREATE INDEX ix_article_search_document ON article_search USING gin (document);");
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("DROP TABLE article_search;");
        migrationBuilder.Sql("""DELETE FROM "BotState" WHERE "Key" = 'SearchIndexVersion';""");
    }
}
