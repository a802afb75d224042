using System;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DigestBot.StorageEngines.Postgres.Migrations;

/// <inheritdoc />
[DbContext(typeof(PostgresDigestDbContext))]
[Migration("20261121000000_Initial")]
public partial class Initial : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Articles",
            columns: table => new
            {
                Id = table.Column<long>(type: "bigint", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                Title = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                Body = table.Column<string>(type: "text", nullable: false),
                Language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                Source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                Url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                ImportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                ContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                WordCount = table.Column<int>(type: "integer", nullable: false),
                Summary = table.Column<string>(type: "text", nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_Articles", x => x.Id));

        migrationBuilder.CreateTable(
            name: "ArticleOrigins",
            columns: table => new
            {
                Key = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                ArticleId = table.Column<long>(type: "bigint", nullable: false),
                ContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                ImportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ArticleOrigins", x => x.Key);
                table.ForeignKey(
                    name: "FK_ArticleOrigins_Articles_ArticleId",
                    column: x => x.ArticleId,
                    principalTable: "Articles",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ArticleTopics",
            columns: table => new
            {
                ArticleId = table.Column<long>(type: "bigint", nullable: false),
                TopicId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ArticleTopics", x => new { x.ArticleId, x.TopicId });
                table.ForeignKey(
                    name: "FK_ArticleTopics_Articles_ArticleId",
                    column: x => x.ArticleId,
                    principalTable: "Articles",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(
            name: "IX_ArticleOrigins_ArticleId",
            table: "ArticleOrigins",
            column: "ArticleId");

        migrationBuilder.CreateIndex(
            name: "IX_Articles_ContentHash",
            table: "Articles",
            column: "ContentHash",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Articles_ImportedAt",
            table: "Articles",
            column: "ImportedAt");

        migrationBuilder.CreateIndex(
            name: "IX_Articles_Language_PublishedAt",
            table: "Articles",
            columns: new[] { "Language", "PublishedAt" });

        migrationBuilder.CreateIndex(
            name: "IX_ArticleTopics_TopicId_ArticleId",
            table: "ArticleTopics",
            columns: new[] { "TopicId", "ArticleId" });
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "ArticleOrigins");
        migrationBuilder.DropTable(name: "ArticleTopics");
        migrationBuilder.DropTable(name: "Articles");
    }
}
