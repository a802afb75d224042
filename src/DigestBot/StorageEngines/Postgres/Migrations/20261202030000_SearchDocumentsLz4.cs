using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DigestBot.StorageEngines.Postgres.Migrations;

/// <summary>
/// Search documents are compressed with LZ4 instead of PostgreSQL's own pglz. A search reads thousands of documents (to
/// rank its window and to test a phrase's candidates), and at a million articles decompressing them was half of that:
/// ranking 1,000 took 22–26 ms with pglz and 11–14 ms with LZ4, testing 5,000 for a phrase 56–62 ms and 21–32 ms. The
/// documents take 3 % more room. Keeping them uncompressed in the table's own pages was faster still to read but made
/// every row the index finds a page to visit, and the searches slower. A server built without LZ4 keeps pglz. Documents
/// stored before keep pglz until they are written again (an edited article, a change of the analyzer, or
/// <c>check --repair</c>). The model does not map the table, so the snapshot is unchanged.
/// </summary>
[DbContext(typeof(PostgresDigestDbContext))]
[Migration("20261202030000_SearchDocumentsLz4")]
public partial class SearchDocumentsLz4 : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
            DO $$
            BEGIN
                ALTER TABLE article_search ALTER COLUMN document SET COMPRESSION lz4;
            EXCEPTION WHEN feature_not_supported THEN
                RAISE NOTICE 'this server has no LZ4: search documents stay compressed with pglz';
            END $$;
            """);

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("ALTER TABLE article_search ALTER COLUMN document SET COMPRESSION pglz;");
}
