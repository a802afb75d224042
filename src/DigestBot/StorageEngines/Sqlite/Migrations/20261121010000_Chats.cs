using System;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DigestBot.StorageEngines.Sqlite.Migrations;

/// <inheritdoc />
[DbContext(typeof(SqliteDigestDbContext))]
[Migration("20261121010000_Chats")]
public partial class Chats : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "BotState",
            columns: table => new
            {
                Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                Value = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_BotState", x => x.Key));

        migrationBuilder.CreateTable(
            name: "Chats",
            columns: table => new
            {
                ChatId = table.Column<long>(type: "INTEGER", nullable: false),
                Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                Title = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                AllLanguages = table.Column<bool>(type: "INTEGER", nullable: false),
                CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Chats", x => x.ChatId));
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "BotState");
        migrationBuilder.DropTable(name: "Chats");
    }
}
