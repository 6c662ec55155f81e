using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Softswitch.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Geofencing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IpRangeSets",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RangeCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IpRangeSets", x => x.Id);
                    table.UniqueConstraint("AK_IpRangeSets_TenantId_Id", x => new { x.TenantId, x.Id });
                    table.ForeignKey(
                        name: "FK_IpRangeSets_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Geofences",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: false),
                    Scope = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    MappingGatewayId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: true),
                    RoutingGatewayId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: true),
                    PhoneId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: true),
                    IpRangeSetId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: false),
                    Mode = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    RefusalStatus = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Geofences", x => x.Id);
                    table.UniqueConstraint("AK_Geofences_TenantId_Id", x => new { x.TenantId, x.Id });
                    table.ForeignKey(
                        name: "FK_Geofences_IpRangeSets_TenantId_IpRangeSetId",
                        columns: x => new { x.TenantId, x.IpRangeSetId },
                        principalTable: "IpRangeSets",
                        principalColumns: new[] { "TenantId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Geofences_MappingGateways_TenantId_MappingGatewayId",
                        columns: x => new { x.TenantId, x.MappingGatewayId },
                        principalTable: "MappingGateways",
                        principalColumns: new[] { "TenantId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Geofences_Phones_TenantId_PhoneId",
                        columns: x => new { x.TenantId, x.PhoneId },
                        principalTable: "Phones",
                        principalColumns: new[] { "TenantId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Geofences_RoutingGateways_TenantId_RoutingGatewayId",
                        columns: x => new { x.TenantId, x.RoutingGatewayId },
                        principalTable: "RoutingGateways",
                        principalColumns: new[] { "TenantId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Geofences_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IpRanges",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: false),
                    IpRangeSetId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: false),
                    First = table.Column<string>(type: "TEXT", unicode: false, maxLength: 39, nullable: false),
                    Last = table.Column<string>(type: "TEXT", unicode: false, maxLength: 39, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IpRanges", x => x.Id);
                    table.UniqueConstraint("AK_IpRanges_TenantId_Id", x => new { x.TenantId, x.Id });
                    table.ForeignKey(
                        name: "FK_IpRanges_IpRangeSets_TenantId_IpRangeSetId",
                        columns: x => new { x.TenantId, x.IpRangeSetId },
                        principalTable: "IpRangeSets",
                        principalColumns: new[] { "TenantId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IpRanges_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Geofences_TenantId_IpRangeSetId",
                table: "Geofences",
                columns: new[] { "TenantId", "IpRangeSetId" });

            migrationBuilder.CreateIndex(
                name: "IX_Geofences_TenantId_MappingGatewayId",
                table: "Geofences",
                columns: new[] { "TenantId", "MappingGatewayId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Geofences_TenantId_PhoneId",
                table: "Geofences",
                columns: new[] { "TenantId", "PhoneId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Geofences_TenantId_RoutingGatewayId",
                table: "Geofences",
                columns: new[] { "TenantId", "RoutingGatewayId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IpRangeSets_TenantId_Name",
                table: "IpRangeSets",
                columns: new[] { "TenantId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IpRanges_TenantId_IpRangeSetId_Id",
                table: "IpRanges",
                columns: new[] { "TenantId", "IpRangeSetId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Geofences");

            migrationBuilder.DropTable(
                name: "IpRanges");

            migrationBuilder.DropTable(
                name: "IpRangeSets");
        }
    }
}
