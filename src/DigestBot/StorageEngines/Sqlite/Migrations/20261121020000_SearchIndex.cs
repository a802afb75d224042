using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DigestBot.StorageEngines.Sqlite.Migrations;

/// <summary>The FTS5 index of analyzed article text; the model does not map it, so the snapshot is unchanged.</summary>
/// <remarks>The analyzer is C#, so the index is filled at start by <see cref="SqliteArticleIndexer"/>, not here.</remarks>
[DbContext(typeof(SqliteDigestDbContext))]
[Migration("20261121020000_SearchIndex")]
public partial class SearchIndex : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(
            "CREATE VIRTUAL TABLE ArticleSearch USING fts5(title, body, summary, " +
            "content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0');");

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("DROP TABLE ArticleSearch;");
        migrationBuilder.Sql("DELETE FROM BotState WHERE Key = 'SearchIndexVersion';");
    }
}
