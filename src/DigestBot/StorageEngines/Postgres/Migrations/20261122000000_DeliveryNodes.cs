using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DigestBot.StorageEngines.Postgres.Migrations;

/// <inheritdoc />
[DbContext(typeof(PostgresDigestDbContext))]
[Migration("20261122000000_DeliveryNodes")]
public partial class DeliveryNodes : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        // Rows from before have no node, which no running process has: they are settled as before.
        migrationBuilder.AddColumn<string>(
            name: "Node",
            table: "Deliveries",
            type: "character varying(200)",
            maxLength: 200,
            nullable: false,
            defaultValue: "");
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "Node", table: "Deliveries");
    }
}
