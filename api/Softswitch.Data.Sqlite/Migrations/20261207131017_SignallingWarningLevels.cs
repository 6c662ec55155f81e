using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Softswitch.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SignallingWarningLevels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AuthFailuresWarning",
                table: "SignallingRuleSettings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FloodWarningRequests",
                table: "SignallingRuleSettings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PhoneAuthFailuresWarning",
                table: "SignallingRuleSettings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SweepWarningUsers",
                table: "SignallingRuleSettings",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AuthFailuresWarning",
                table: "SignallingRuleSettings");

            migrationBuilder.DropColumn(
                name: "FloodWarningRequests",
                table: "SignallingRuleSettings");

            migrationBuilder.DropColumn(
                name: "PhoneAuthFailuresWarning",
                table: "SignallingRuleSettings");

            migrationBuilder.DropColumn(
                name: "SweepWarningUsers",
                table: "SignallingRuleSettings");
        }
    }
}
