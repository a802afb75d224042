using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DigestBot.StorageEngines.Sqlite.Migrations;

/// <summary>
/// <c>ArticleSearchTerms</c>, an <c>fts5vocab</c> view of the terms the FTS5 index holds: a search looks its words'
/// forms up there first and leaves out those no article holds (<see cref="SqliteArticleSearch"/>). It is of the
/// <c>instance</c> kind, one row per occurrence, so asking whether a term has a first row costs the same for a rare
/// term as for one in every article; the <c>row</c> kind walks all of a term's articles to count them. The table
/// stores nothing of its own and the model does not map it, so the snapshot is unchanged.
/// </summary>
[DbContext(typeof(SqliteDigestDbContext))]
[Migration("20261201212000_SearchVocabulary")]
public partial class SearchVocabulary : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("CREATE VIRTUAL TABLE ArticleSearchTerms USING fts5vocab(ArticleSearch, instance);");

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("DROP TABLE ArticleSearchTerms;");
}
