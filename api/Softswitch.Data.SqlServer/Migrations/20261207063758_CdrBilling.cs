using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Softswitch.Data.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class CdrBilling : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "BilledSeconds",
                table: "Cdrs",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<decimal>(
                name: "Charge",
                table: "Cdrs",
                type: "decimal(19,6)",
                precision: 19,
                scale: 6,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "Cost",
                table: "Cdrs",
                type: "decimal(19,6)",
                precision: 19,
                scale: 6,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CostPrefix",
                table: "Cdrs",
                type: "varchar(32)",
                unicode: false,
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "PackageAmount",
                table: "Cdrs",
                type: "decimal(19,6)",
                precision: 19,
                scale: 6,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<int>(
                name: "PackageSeconds",
                table: "Cdrs",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "RatePrefix",
                table: "Cdrs",
                type: "varchar(32)",
                unicode: false,
                maxLength: 32,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "BilledSeconds",
                table: "Cdrs");

            migrationBuilder.DropColumn(
                name: "Charge",
                table: "Cdrs");

            migrationBuilder.DropColumn(
                name: "Cost",
                table: "Cdrs");

            migrationBuilder.DropColumn(
                name: "CostPrefix",
                table: "Cdrs");

            migrationBuilder.DropColumn(
                name: "PackageAmount",
                table: "Cdrs");

            migrationBuilder.DropColumn(
                name: "PackageSeconds",
                table: "Cdrs");

            migrationBuilder.DropColumn(
                name: "RatePrefix",
                table: "Cdrs");
        }
    }
}
