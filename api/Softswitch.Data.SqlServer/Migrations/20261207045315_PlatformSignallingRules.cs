using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Softswitch.Data.SqlServer.Migrations
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
                    Id = table.Column<string>(type: "varchar(40)", unicode: false, maxLength: 40, nullable: false, collation: "Latin1_General_BIN2"),
                    FloodRequests = table.Column<int>(type: "int", nullable: false),
                    FloodWindowSeconds = table.Column<int>(type: "int", nullable: false),
                    BanSeconds = table.Column<int>(type: "int", nullable: false),
                    MaxBanSeconds = table.Column<int>(type: "int", nullable: false),
                    RepeatOffenceSeconds = table.Column<int>(type: "int", nullable: false),
                    ScannerPatterns = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    SweepDistinctUsers = table.Column<int>(type: "int", nullable: false),
                    SweepWindowSeconds = table.Column<int>(type: "int", nullable: false),
                    AuthFailuresPerAddress = table.Column<int>(type: "int", nullable: false),
                    AuthFailureWindowSeconds = table.Column<int>(type: "int", nullable: false),
                    PhoneAuthFailures = table.Column<int>(type: "int", nullable: false),
                    PhoneAuthFailureWindowSeconds = table.Column<int>(type: "int", nullable: false),
                    TrustedThresholdMultiplier = table.Column<int>(type: "int", nullable: false),
                    TrustedAddresses = table.Column<string>(type: "varchar(max)", unicode: false, nullable: false),
                    MonitorRules = table.Column<string>(type: "varchar(max)", unicode: false, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
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
