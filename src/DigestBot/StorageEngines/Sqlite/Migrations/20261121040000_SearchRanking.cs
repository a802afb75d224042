using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DigestBot.StorageEngines.Sqlite.Migrations;

/// <summary>A covering index of what search ranks and filters by, so that each match reads a narrow index entry
/// instead of an article row, whose body comes before these columns and often spills onto overflow pages.</summary>
/// <remarks>Only <see cref="SqliteArticleSearch"/> uses it; the model does not map it, so the snapshot is unchanged.</remarks>
[DbContext(typeof(SqliteDigestDbContext))]
[Migration("20261121040000_SearchRanking")]
public partial class SearchRanking : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("CREATE INDEX IX_Articles_SearchRanking ON Articles (Id, Language, PublishedAt, ImportedAt);");

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("DROP INDEX IX_Articles_SearchRanking;");
}
