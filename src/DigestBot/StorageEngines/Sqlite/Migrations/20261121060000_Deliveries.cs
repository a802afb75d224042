using System;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DigestBot.StorageEngines.Sqlite.Migrations;

/// <inheritdoc />
[DbContext(typeof(SqliteDigestDbContext))]
[Migration("20261121060000_Deliveries")]
public partial class Deliveries : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Deliveries",
            columns: table => new
            {
                Id = table.Column<long>(type: "INTEGER", nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                ChatId = table.Column<long>(type: "INTEGER", nullable: false),
                WindowEnd = table.Column<long>(type: "INTEGER", nullable: false),
                State = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                MessageIds = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                Error = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Deliveries", x => x.Id);
            });

        migrationBuilder.CreateIndex(
            name: "IX_Deliveries_ChatId_WindowEnd",
            table: "Deliveries",
            columns: new[] { "ChatId", "WindowEnd" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Deliveries_State",
            table: "Deliveries",
            column: "State");
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "Deliveries");
    }
}
