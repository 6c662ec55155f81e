using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Softswitch.Data.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class CdrCorrections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CdrCorrections",
                columns: table => new
                {
                    Id = table.Column<string>(type: "varchar(40)", unicode: false, maxLength: 40, nullable: false, collation: "Latin1_General_BIN2"),
                    CdrId = table.Column<string>(type: "varchar(40)", unicode: false, maxLength: 40, nullable: false, collation: "Latin1_General_BIN2"),
                    OldCharge = table.Column<decimal>(type: "decimal(19,6)", precision: 19, scale: 6, nullable: true),
                    NewCharge = table.Column<decimal>(type: "decimal(19,6)", precision: 19, scale: 6, nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    Actor = table.Column<string>(type: "varchar(100)", unicode: false, maxLength: 100, nullable: false),
                    LedgerEntryId = table.Column<string>(type: "varchar(40)", unicode: false, maxLength: 40, nullable: true, collation: "Latin1_General_BIN2"),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    TenantId = table.Column<string>(type: "varchar(40)", unicode: false, maxLength: 40, nullable: false, collation: "Latin1_General_BIN2")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CdrCorrections", x => x.Id);
                    table.UniqueConstraint("AK_CdrCorrections_TenantId_Id", x => new { x.TenantId, x.Id });
                    table.ForeignKey(
                        name: "FK_CdrCorrections_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CdrCorrections_TenantId_CdrId",
                table: "CdrCorrections",
                columns: new[] { "TenantId", "CdrId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CdrCorrections");
        }
    }
}
