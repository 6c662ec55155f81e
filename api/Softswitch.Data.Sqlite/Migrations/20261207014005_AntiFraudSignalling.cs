using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Softswitch.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AntiFraudSignalling : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IpBans",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: false),
                    Address = table.Column<string>(type: "TEXT", unicode: false, maxLength: 45, nullable: false),
                    Rule = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    Threshold = table.Column<int>(type: "INTEGER", nullable: false),
                    WindowSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    Offence = table.Column<int>(type: "INTEGER", nullable: false),
                    BannedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LiftedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IpBans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SecurityEvents",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: false),
                    OccurredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Rule = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    Action = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    Address = table.Column<string>(type: "TEXT", unicode: false, maxLength: 45, nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: true),
                    PhoneId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: true),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    Threshold = table.Column<int>(type: "INTEGER", nullable: false),
                    WindowSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    BannedUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Offence = table.Column<int>(type: "INTEGER", nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SecurityEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TrustedAddresses",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: false),
                    Block = table.Column<string>(type: "TEXT", unicode: false, maxLength: 49, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrustedAddresses", x => x.Id);
                    table.UniqueConstraint("AK_TrustedAddresses_TenantId_Id", x => new { x.TenantId, x.Id });
                    table.ForeignKey(
                        name: "FK_TrustedAddresses_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IpBans_Address_ExpiresAt",
                table: "IpBans",
                columns: new[] { "Address", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_IpBans_ExpiresAt",
                table: "IpBans",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_IpBans_LiftedAt",
                table: "IpBans",
                column: "LiftedAt");

            migrationBuilder.CreateIndex(
                name: "IX_SecurityEvents_Address_OccurredAt",
                table: "SecurityEvents",
                columns: new[] { "Address", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SecurityEvents_OccurredAt",
                table: "SecurityEvents",
                column: "OccurredAt");

            migrationBuilder.CreateIndex(
                name: "IX_SecurityEvents_TenantId_OccurredAt",
                table: "SecurityEvents",
                columns: new[] { "TenantId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_TrustedAddresses_TenantId_Block",
                table: "TrustedAddresses",
                columns: new[] { "TenantId", "Block" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IpBans");

            migrationBuilder.DropTable(
                name: "SecurityEvents");

            migrationBuilder.DropTable(
                name: "TrustedAddresses");
        }
    }
}
