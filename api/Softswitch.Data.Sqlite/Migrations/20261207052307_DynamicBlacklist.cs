using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Softswitch.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DynamicBlacklist : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DynamicBlacklistEntries",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    MappingGatewayId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: true),
                    RuleId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: true),
                    RuleKind = table.Column<string>(type: "TEXT", unicode: false, maxLength: 24, nullable: true),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    WindowSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    EvidenceCallIds = table.Column<string>(type: "TEXT", unicode: false, nullable: false),
                    BlockedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReleasedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DynamicBlacklistEntries", x => x.Id);
                    table.UniqueConstraint("AK_DynamicBlacklistEntries_TenantId_Id", x => new { x.TenantId, x.Id });
                    table.ForeignKey(
                        name: "FK_DynamicBlacklistEntries_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DynamicBlacklistEvents",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: false),
                    OccurredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    MappingGatewayId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: true),
                    RuleId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: true),
                    EntryId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: true),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    WindowSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EvidenceCallIds = table.Column<string>(type: "TEXT", unicode: false, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DynamicBlacklistEvents", x => x.Id);
                    table.UniqueConstraint("AK_DynamicBlacklistEvents_TenantId_Id", x => new { x.TenantId, x.Id });
                    table.ForeignKey(
                        name: "FK_DynamicBlacklistEvents_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FraudRules",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", unicode: false, maxLength: 24, nullable: false),
                    Scope = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    MappingGatewayIds = table.Column<string>(type: "TEXT", unicode: false, nullable: false),
                    WarningLevel = table.Column<int>(type: "INTEGER", nullable: true),
                    BlockingLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    WindowSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    ExpireSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    MonitorOnly = table.Column<bool>(type: "INTEGER", nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    MinAnsweredSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    PrefixLength = table.Column<int>(type: "INTEGER", nullable: false),
                    CountBy = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    ResponseCode = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FraudRules", x => x.Id);
                    table.UniqueConstraint("AK_FraudRules_TenantId_Id", x => new { x.TenantId, x.Id });
                    table.ForeignKey(
                        name: "FK_FraudRules_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DynamicBlacklistEntries_ExpiresAt",
                table: "DynamicBlacklistEntries",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_DynamicBlacklistEntries_TenantId_Value",
                table: "DynamicBlacklistEntries",
                columns: new[] { "TenantId", "Value" });

            migrationBuilder.CreateIndex(
                name: "IX_DynamicBlacklistEntries_UpdatedAt",
                table: "DynamicBlacklistEntries",
                column: "UpdatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_DynamicBlacklistEvents_Kind_OccurredAt",
                table: "DynamicBlacklistEvents",
                columns: new[] { "Kind", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DynamicBlacklistEvents_TenantId_OccurredAt",
                table: "DynamicBlacklistEvents",
                columns: new[] { "TenantId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_FraudRules_TenantId_Name",
                table: "FraudRules",
                columns: new[] { "TenantId", "Name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DynamicBlacklistEntries");

            migrationBuilder.DropTable(
                name: "DynamicBlacklistEvents");

            migrationBuilder.DropTable(
                name: "FraudRules");
        }
    }
}
