using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Softswitch.Data.Sqlite.Migrations
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "Charge",
                table: "Cdrs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Cost",
                table: "Cdrs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CostPrefix",
                table: "Cdrs",
                type: "TEXT",
                unicode: false,
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PackageAmount",
                table: "Cdrs",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "PackageSeconds",
                table: "Cdrs",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "RatePrefix",
                table: "Cdrs",
                type: "TEXT",
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
