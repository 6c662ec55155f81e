using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Softswitch.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Reconciliations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Reconciliations",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: false),
                    RoutingGatewayId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: false),
                    PeriodFrom = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PeriodTo = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StartToleranceSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    DurationToleranceSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    ChargeTolerance = table.Column<long>(type: "INTEGER", nullable: false),
                    AlarmThresholdPercent = table.Column<long>(type: "INTEGER", nullable: false),
                    OurCalls = table.Column<int>(type: "INTEGER", nullable: false),
                    TheirCalls = table.Column<int>(type: "INTEGER", nullable: false),
                    Matched = table.Column<int>(type: "INTEGER", nullable: false),
                    MissingOurs = table.Column<int>(type: "INTEGER", nullable: false),
                    MissingTheirs = table.Column<int>(type: "INTEGER", nullable: false),
                    DurationMismatches = table.Column<int>(type: "INTEGER", nullable: false),
                    ChargeMismatches = table.Column<int>(type: "INTEGER", nullable: false),
                    OurCost = table.Column<long>(type: "INTEGER", nullable: false),
                    TheirCharge = table.Column<long>(type: "INTEGER", nullable: false),
                    OurSeconds = table.Column<long>(type: "INTEGER", nullable: false),
                    TheirSeconds = table.Column<long>(type: "INTEGER", nullable: false),
                    DeviationPercent = table.Column<long>(type: "INTEGER", nullable: false),
                    AlarmRaised = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: false),
                    Mismatches = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reconciliations", x => x.Id);
                    table.UniqueConstraint("AK_Reconciliations_TenantId_Id", x => new { x.TenantId, x.Id });
                    table.ForeignKey(
                        name: "FK_Reconciliations_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Reconciliations_TenantId_RoutingGatewayId_PeriodFrom",
                table: "Reconciliations",
                columns: new[] { "TenantId", "RoutingGatewayId", "PeriodFrom" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Reconciliations");
        }
    }
}
