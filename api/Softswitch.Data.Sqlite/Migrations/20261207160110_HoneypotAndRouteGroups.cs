using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Softswitch.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class HoneypotAndRouteGroups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Routes_TenantId_Prefix",
                table: "Routes");

            migrationBuilder.AddColumn<string>(
                name: "CalleeGroupId",
                table: "Routes",
                type: "TEXT",
                unicode: false,
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ScannerDestinations",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: false),
                    Number = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    FirstDialledAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastDialledAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Dials = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSource = table.Column<string>(type: "TEXT", unicode: false, maxLength: 45, nullable: false),
                    ForgottenAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScannerDestinations", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Routes_TenantId_CalleeGroupId",
                table: "Routes",
                columns: new[] { "TenantId", "CalleeGroupId" });

            migrationBuilder.CreateIndex(
                name: "IX_Routes_TenantId_Prefix",
                table: "Routes",
                columns: new[] { "TenantId", "Prefix" },
                unique: true,
                filter: "[CalleeGroupId] IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Routes_TenantId_Prefix_CalleeGroupId",
                table: "Routes",
                columns: new[] { "TenantId", "Prefix", "CalleeGroupId" },
                unique: true,
                filter: "[CalleeGroupId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ScannerDestinations_LastDialledAt",
                table: "ScannerDestinations",
                column: "LastDialledAt");

            migrationBuilder.CreateIndex(
                name: "IX_ScannerDestinations_Number",
                table: "ScannerDestinations",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScannerDestinations_UpdatedAt",
                table: "ScannerDestinations",
                column: "UpdatedAt");

            migrationBuilder.AddForeignKey(
                name: "FK_Routes_NumberGroups_TenantId_CalleeGroupId",
                table: "Routes",
                columns: new[] { "TenantId", "CalleeGroupId" },
                principalTable: "NumberGroups",
                principalColumns: new[] { "TenantId", "Id" },
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Routes_NumberGroups_TenantId_CalleeGroupId",
                table: "Routes");

            migrationBuilder.DropTable(
                name: "ScannerDestinations");

            migrationBuilder.DropIndex(
                name: "IX_Routes_TenantId_CalleeGroupId",
                table: "Routes");

            migrationBuilder.DropIndex(
                name: "IX_Routes_TenantId_Prefix",
                table: "Routes");

            migrationBuilder.DropIndex(
                name: "IX_Routes_TenantId_Prefix_CalleeGroupId",
                table: "Routes");

            migrationBuilder.DropColumn(
                name: "CalleeGroupId",
                table: "Routes");

            migrationBuilder.CreateIndex(
                name: "IX_Routes_TenantId_Prefix",
                table: "Routes",
                columns: new[] { "TenantId", "Prefix" },
                unique: true);
        }
    }
}
