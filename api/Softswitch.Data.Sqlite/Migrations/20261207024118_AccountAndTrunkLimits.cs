using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Softswitch.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AccountAndTrunkLimits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "MaxCallsPerSecond",
                table: "MappingGateways",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MaxCallDurationSeconds",
                table: "Accounts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MaxCallsPerSecond",
                table: "Accounts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MaxConcurrentCalls",
                table: "Accounts",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "MaxCallsPerSecond",
                table: "MappingGateways");

            migrationBuilder.DropColumn(
                name: "MaxCallDurationSeconds",
                table: "Accounts");

            migrationBuilder.DropColumn(
                name: "MaxCallsPerSecond",
                table: "Accounts");

            migrationBuilder.DropColumn(
                name: "MaxConcurrentCalls",
                table: "Accounts");
        }
    }
}
