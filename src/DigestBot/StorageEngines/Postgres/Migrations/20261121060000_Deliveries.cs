using System;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DigestBot.StorageEngines.Postgres.Migrations;

/// <inheritdoc />
[DbContext(typeof(PostgresDigestDbContext))]
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
                Id = table.Column<long>(type: "bigint", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                ChatId = table.Column<long>(type: "bigint", nullable: false),
                WindowEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                State = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                MessageIds = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                Error = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
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
