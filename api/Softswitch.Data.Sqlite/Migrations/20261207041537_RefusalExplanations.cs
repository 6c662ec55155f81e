using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Softswitch.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RefusalExplanations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RefusalPolicies",
                table: "Tenants",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "Callee",
                table: "SecurityEvents",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Caller",
                table: "SecurityEvents",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CdrId",
                table: "SecurityEvents",
                type: "TEXT",
                unicode: false,
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MappingGatewayId",
                table: "SecurityEvents",
                type: "TEXT",
                unicode: false,
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RefusalRule",
                table: "Cdrs",
                type: "TEXT",
                unicode: false,
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RefusalPolicies",
                table: "Tenants");

            migrationBuilder.DropColumn(
                name: "Callee",
                table: "SecurityEvents");

            migrationBuilder.DropColumn(
                name: "Caller",
                table: "SecurityEvents");

            migrationBuilder.DropColumn(
                name: "CdrId",
                table: "SecurityEvents");

            migrationBuilder.DropColumn(
                name: "MappingGatewayId",
                table: "SecurityEvents");

            migrationBuilder.DropColumn(
                name: "RefusalRule",
                table: "Cdrs");
        }
    }
}
