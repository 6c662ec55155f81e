using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Softswitch.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Cdrs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Cdrs",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: false),
                    CallId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 256, nullable: false),
                    AccountId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: true),
                    MappingGatewayId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: true),
                    PhoneId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: true),
                    RoutingGatewayId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: true),
                    CallerReceived = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CalleeReceived = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CallerSent = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CalleeSent = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    SetupAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RingingAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AnswerAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EndAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PddMilliseconds = table.Column<int>(type: "INTEGER", nullable: true),
                    DurationMilliseconds = table.Column<long>(type: "INTEGER", nullable: false),
                    FinalCode = table.Column<int>(type: "INTEGER", nullable: false),
                    Q850Cause = table.Column<int>(type: "INTEGER", nullable: false),
                    HangupSide = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    Interrupted = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: false),
                    Attempts = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cdrs", x => x.Id);
                    table.UniqueConstraint("AK_Cdrs_TenantId_Id", x => new { x.TenantId, x.Id });
                    table.ForeignKey(
                        name: "FK_Cdrs_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Cdrs_TenantId_AccountId_SetupAt",
                table: "Cdrs",
                columns: new[] { "TenantId", "AccountId", "SetupAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Cdrs_TenantId_SetupAt",
                table: "Cdrs",
                columns: new[] { "TenantId", "SetupAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Cdrs");
        }
    }
}
