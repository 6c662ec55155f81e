using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Softswitch.Data.Sqlite.Migrations
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
                    Id = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: false),
                    CdrId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: false),
                    OldCharge = table.Column<long>(type: "INTEGER", nullable: true),
                    NewCharge = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Actor = table.Column<string>(type: "TEXT", unicode: false, maxLength: 100, nullable: false),
                    LedgerEntryId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: false)
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
