using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Softswitch.Data.SqlServer.Migrations
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
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "Callee",
                table: "SecurityEvents",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true,
                collation: "Latin1_General_BIN2");

            migrationBuilder.AddColumn<string>(
                name: "Caller",
                table: "SecurityEvents",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true,
                collation: "Latin1_General_BIN2");

            migrationBuilder.AddColumn<string>(
                name: "CdrId",
                table: "SecurityEvents",
                type: "varchar(40)",
                unicode: false,
                maxLength: 40,
                nullable: true,
                collation: "Latin1_General_BIN2");

            migrationBuilder.AddColumn<string>(
                name: "MappingGatewayId",
                table: "SecurityEvents",
                type: "varchar(40)",
                unicode: false,
                maxLength: 40,
                nullable: true,
                collation: "Latin1_General_BIN2");

            migrationBuilder.AddColumn<string>(
                name: "RefusalRule",
                table: "Cdrs",
                type: "varchar(64)",
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
