using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Softswitch.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PhoneTargets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Number",
                table: "Phones",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OfflineRedirectGatewayId",
                table: "Phones",
                type: "TEXT",
                unicode: false,
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Phones_TenantId_Number",
                table: "Phones",
                columns: new[] { "TenantId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Phones_TenantId_OfflineRedirectGatewayId",
                table: "Phones",
                columns: new[] { "TenantId", "OfflineRedirectGatewayId" });

            migrationBuilder.AddForeignKey(
                name: "FK_Phones_RoutingGateways_TenantId_OfflineRedirectGatewayId",
                table: "Phones",
                columns: new[] { "TenantId", "OfflineRedirectGatewayId" },
                principalTable: "RoutingGateways",
                principalColumns: new[] { "TenantId", "Id" },
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Phones_RoutingGateways_TenantId_OfflineRedirectGatewayId",
                table: "Phones");

            migrationBuilder.DropIndex(
                name: "IX_Phones_TenantId_Number",
                table: "Phones");

            migrationBuilder.DropIndex(
                name: "IX_Phones_TenantId_OfflineRedirectGatewayId",
                table: "Phones");

            migrationBuilder.DropColumn(
                name: "Number",
                table: "Phones");

            migrationBuilder.DropColumn(
                name: "OfflineRedirectGatewayId",
                table: "Phones");
        }
    }
}
