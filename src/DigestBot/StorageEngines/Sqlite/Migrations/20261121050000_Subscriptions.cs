using System;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DigestBot.StorageEngines.Sqlite.Migrations;

/// <inheritdoc />
[DbContext(typeof(SqliteDigestDbContext))]
[Migration("20261121050000_Subscriptions")]
public partial class Subscriptions : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Subscriptions",
            columns: table => new
            {
                ChatId = table.Column<long>(type: "INTEGER", nullable: false),
                Time = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                TimeZone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                Topics = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                Filters = table.Column<string>(type: "TEXT", maxLength: 600, nullable: false),
                Active = table.Column<bool>(type: "INTEGER", nullable: false),
                ManagedBy = table.Column<long>(type: "INTEGER", nullable: true),
                LastWindowEnd = table.Column<long>(type: "INTEGER", nullable: true),
                CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Subscriptions", x => x.ChatId);
                table.ForeignKey(
                    name: "FK_Subscriptions_Chats_ChatId",
                    column: x => x.ChatId,
                    principalTable: "Chats",
                    principalColumn: "ChatId",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(
            name: "IX_Subscriptions_ManagedBy",
            table: "Subscriptions",
            column: "ManagedBy");
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "Subscriptions");
    }
}
