using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Softswitch.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PlatformSignallingRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SignallingRuleSettings",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: false),
                    FloodRequests = table.Column<int>(type: "INTEGER", nullable: false),
                    FloodWindowSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    BanSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxBanSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    RepeatOffenceSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    ScannerPatterns = table.Column<string>(type: "TEXT", nullable: false),
                    SweepDistinctUsers = table.Column<int>(type: "INTEGER", nullable: false),
                    SweepWindowSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    AuthFailuresPerAddress = table.Column<int>(type: "INTEGER", nullable: false),
                    AuthFailureWindowSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    PhoneAuthFailures = table.Column<int>(type: "INTEGER", nullable: false),
                    PhoneAuthFailureWindowSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    TrustedThresholdMultiplier = table.Column<int>(type: "INTEGER", nullable: false),
                    TrustedAddresses = table.Column<string>(type: "TEXT", unicode: false, nullable: false),
                    MonitorRules = table.Column<string>(type: "TEXT", unicode: false, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignallingRuleSettings", x => x.Id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SignallingRuleSettings");
        }
    }
}
