using System;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DigestBot.StorageEngines.Postgres.Migrations;

/// <inheritdoc />
[DbContext(typeof(PostgresDigestDbContext))]
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
                ChatId = table.Column<long>(type: "bigint", nullable: false),
                Time = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                TimeZone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                Topics = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                Filters = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: false),
                Active = table.Column<bool>(type: "boolean", nullable: false),
                ManagedBy = table.Column<long>(type: "bigint", nullable: true),
                LastWindowEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
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
