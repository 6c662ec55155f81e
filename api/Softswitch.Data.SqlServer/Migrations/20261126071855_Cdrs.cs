using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Softswitch.Data.SqlServer.Migrations
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
                    Id = table.Column<string>(type: "varchar(40)", unicode: false, maxLength: 40, nullable: false, collation: "Latin1_General_BIN2"),
                    CallId = table.Column<string>(type: "varchar(256)", unicode: false, maxLength: 256, nullable: false),
                    AccountId = table.Column<string>(type: "varchar(40)", unicode: false, maxLength: 40, nullable: true, collation: "Latin1_General_BIN2"),
                    MappingGatewayId = table.Column<string>(type: "varchar(40)", unicode: false, maxLength: 40, nullable: true, collation: "Latin1_General_BIN2"),
                    PhoneId = table.Column<string>(type: "varchar(40)", unicode: false, maxLength: 40, nullable: true, collation: "Latin1_General_BIN2"),
                    RoutingGatewayId = table.Column<string>(type: "varchar(40)", unicode: false, maxLength: 40, nullable: true, collation: "Latin1_General_BIN2"),
                    CallerReceived = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false, collation: "Latin1_General_BIN2"),
                    CalleeReceived = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false, collation: "Latin1_General_BIN2"),
                    CallerSent = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true, collation: "Latin1_General_BIN2"),
                    CalleeSent = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true, collation: "Latin1_General_BIN2"),
                    SetupAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    RingingAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    AnswerAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    EndAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    PddMilliseconds = table.Column<int>(type: "int", nullable: true),
                    DurationMilliseconds = table.Column<long>(type: "bigint", nullable: false),
                    FinalCode = table.Column<int>(type: "int", nullable: false),
                    Q850Cause = table.Column<int>(type: "int", nullable: false),
                    HangupSide = table.Column<string>(type: "varchar(16)", unicode: false, maxLength: 16, nullable: false),
                    Interrupted = table.Column<bool>(type: "bit", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    TenantId = table.Column<string>(type: "varchar(40)", unicode: false, maxLength: 40, nullable: false, collation: "Latin1_General_BIN2"),
                    Attempts = table.Column<string>(type: "nvarchar(max)", nullable: false)
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
