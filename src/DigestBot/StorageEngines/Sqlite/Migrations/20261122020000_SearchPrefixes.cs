using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DigestBot.StorageEngines.Sqlite.Migrations;

/// <summary>
/// The FTS5 index again, with prefix indexes for prefixes of 3 to 6 letters: without them FTS5 answers <c>през*</c> by
/// merging the lists of every term that begins so, hundreds of thousands of entries on a large store, before the newest
/// can be taken. A longer prefix begins fewer terms, and two letters stay a slow, rare query. The model does not map the
/// table, so the snapshot is unchanged.
/// </summary>
/// <remarks>A contentless table cannot be rebuilt from itself: the new table starts empty and
/// <see cref="SqliteArticleIndexer"/> fills it at the next start, as it fills whatever the index lacks.</remarks>
[DbContext(typeof(SqliteDigestDbContext))]
[Migration("20261122020000_SearchPrefixes")]
public partial class SearchPrefixes : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder) => Recreate(migrationBuilder, "prefix='3 4 5 6', ");

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder) => Recreate(migrationBuilder, "");

    private static void Recreate(MigrationBuilder migrationBuilder, string prefixes)
    {
        migrationBuilder.Sql("DROP TABLE ArticleSearch;");
        migrationBuilder.Sql(
            "CREATE VIRTUAL TABLE ArticleSearch USING fts5(title, body, summary, " +
            $"content='', contentless_delete=1, {prefixes}tokenize='unicode61 remove_diacritics 0');");
    }
}
