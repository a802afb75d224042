using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DigestBot.StorageEngines.Postgres.Migrations;

/// <summary>
/// The GIN index of the search documents also holds each article's slice (its id shifted right by 12), so that a search
/// can ask for the matches among the newest few thousand articles without reading every article a common word is in
/// (see <c>PostgresArticleSearch</c>). A GIN index over an integer needs the <c>btree_gin</c> extension, part of
/// PostgreSQL's contrib modules and trusted: the owner of the database may create it. The new index answers what the
/// old one did, which goes. The model does not map the table, so the snapshot is unchanged.
/// </summary>
[DbContext(typeof(PostgresDigestDbContext))]
[Migration("20261202010000_SearchSlices")]
public partial class SearchSlices : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS btree_gin;");

        // The default 64 MB makes the build of a large index spill in many small runs.
        migrationBuilder.Sql("SET LOCAL maintenance_work_mem = '256MB';");
        migrationBuilder.Sql("CREATE INDEX ix_article_search_slices ON article_search USING gin (((article_id >> 12)::integer), document);");
        migrationBuilder.Sql("DROP INDEX ix_article_search_document;");
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("CREATE INDEX ix_article_search_document ON article_search USING gin (document);");
        migrationBuilder.Sql("DROP INDEX ix_article_search_slices;");
    }
}
