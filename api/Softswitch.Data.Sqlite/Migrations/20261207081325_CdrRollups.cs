using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Softswitch.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CdrRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CdrRollupWatermarks",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: false),
                    CdrCreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CdrId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CdrRollupWatermarks", x => x.Id);
                    table.UniqueConstraint("AK_CdrRollupWatermarks_TenantId_Id", x => new { x.TenantId, x.Id });
                    table.ForeignKey(
                        name: "FK_CdrRollupWatermarks_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CdrRollups",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: false),
                    Dimension = table.Column<string>(type: "TEXT", unicode: false, maxLength: 24, nullable: false),
                    Hour = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    SubKey = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    Calls = table.Column<long>(type: "INTEGER", nullable: false),
                    Refused = table.Column<long>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<long>(type: "INTEGER", nullable: false),
                    Answered = table.Column<long>(type: "INTEGER", nullable: false),
                    DurationMilliseconds = table.Column<long>(type: "INTEGER", nullable: false),
                    PddMilliseconds = table.Column<long>(type: "INTEGER", nullable: false),
                    PddCalls = table.Column<long>(type: "INTEGER", nullable: false),
                    BilledSeconds = table.Column<long>(type: "INTEGER", nullable: false),
                    ChargeMicros = table.Column<long>(type: "INTEGER", nullable: false),
                    CostMicros = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CdrRollups", x => x.Id);
                    table.UniqueConstraint("AK_CdrRollups_TenantId_Id", x => new { x.TenantId, x.Id });
                    table.ForeignKey(
                        name: "FK_CdrRollups_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Cdrs_TenantId_CreatedAt_Id",
                table: "Cdrs",
                columns: new[] { "TenantId", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_CdrRollupWatermarks_TenantId",
                table: "CdrRollupWatermarks",
                column: "TenantId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CdrRollups_TenantId_Dimension_Hour_Key_SubKey",
                table: "CdrRollups",
                columns: new[] { "TenantId", "Dimension", "Hour", "Key", "SubKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CdrRollupWatermarks");

            migrationBuilder.DropTable(
                name: "CdrRollups");

            migrationBuilder.DropIndex(
                name: "IX_Cdrs_TenantId_CreatedAt_Id",
                table: "Cdrs");
        }
    }
}
