using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Softswitch.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RedirectServers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "RedirectMilliseconds",
                table: "Cdrs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RedirectServer",
                table: "Cdrs",
                type: "TEXT",
                unicode: false,
                maxLength: 300,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "RedirectProfiles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: false),
                    MappingGatewayId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: true),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    Servers = table.Column<string>(type: "TEXT", unicode: false, nullable: false),
                    DeadlineMilliseconds = table.Column<int>(type: "INTEGER", nullable: false),
                    OnFailure = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    AcceptHosts = table.Column<string>(type: "TEXT", unicode: false, nullable: false),
                    DenyHosts = table.Column<string>(type: "TEXT", unicode: false, nullable: false),
                    AcceptPrefixes = table.Column<string>(type: "TEXT", unicode: false, nullable: false),
                    DenyPrefixes = table.Column<string>(type: "TEXT", unicode: false, nullable: false),
                    CarryHeaders = table.Column<string>(type: "TEXT", unicode: false, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RedirectProfiles", x => x.Id);
                    table.UniqueConstraint("AK_RedirectProfiles_TenantId_Id", x => new { x.TenantId, x.Id });
                    table.ForeignKey(
                        name: "FK_RedirectProfiles_MappingGateways_TenantId_MappingGatewayId",
                        columns: x => new { x.TenantId, x.MappingGatewayId },
                        principalTable: "MappingGateways",
                        principalColumns: new[] { "TenantId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RedirectProfiles_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RedirectProfiles_TenantId_MappingGatewayId",
                table: "RedirectProfiles",
                columns: new[] { "TenantId", "MappingGatewayId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RedirectProfiles");

            migrationBuilder.DropColumn(
                name: "RedirectMilliseconds",
                table: "Cdrs");

            migrationBuilder.DropColumn(
                name: "RedirectServer",
                table: "Cdrs");
        }
    }
}
