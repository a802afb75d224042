using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DigestBot.StorageEngines.Sqlite.Migrations;

/// <inheritdoc />
[DbContext(typeof(SqliteDigestDbContext))]
[Migration("20261121030000_TranslatedSummaries")]
public partial class TranslatedSummaries : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "TranslatedSummaries",
            columns: table => new
            {
                ArticleId = table.Column<long>(type: "INTEGER", nullable: false),
                Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                Model = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                Title = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                Summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TranslatedSummaries", x => new { x.ArticleId, x.Language, x.Model });
                table.ForeignKey(
                    name: "FK_TranslatedSummaries_Articles_ArticleId",
                    column: x => x.ArticleId,
                    principalTable: "Articles",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "TranslatedSummaries");
    }
}
