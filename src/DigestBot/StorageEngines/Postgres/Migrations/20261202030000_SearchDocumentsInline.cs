using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DigestBot.StorageEngines.Postgres.Migrations;

/// <summary>
/// Search documents stay in the table's own pages, uncompressed, up to a page's size: by default a row over 2 kB is
/// compressed and moved out to the TOAST table, and a search reads thousands of documents (to rank its window and to
/// test a phrase's candidates). Read in place, ranking 1,000 of them took half the time, and testing 5,000 for a
/// phrase a quarter. The table grows by a third. Documents stored before keep their place until they are written again
/// (an edited article, a change of the analyzer, or <c>check --repair</c>). The model does not map the table, so the
/// snapshot is unchanged.
/// </summary>
[DbContext(typeof(PostgresDigestDbContext))]
[Migration("20261202030000_SearchDocumentsInline")]
public partial class SearchDocumentsInline : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("ALTER TABLE article_search SET (toast_tuple_target = 8160);");

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("ALTER TABLE article_search RESET (toast_tuple_target);");
}
