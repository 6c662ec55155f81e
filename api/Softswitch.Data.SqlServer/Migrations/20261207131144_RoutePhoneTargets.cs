using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Softswitch.Data.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class RoutePhoneTargets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PhoneId",
                table: "Routes",
                type: "varchar(40)",
                unicode: false,
                maxLength: 40,
                nullable: true,
                collation: "Latin1_General_BIN2");

            migrationBuilder.AddColumn<string>(
                name: "ForkMode",
                table: "Phones",
                type: "varchar(16)",
                unicode: false,
                maxLength: 16,
                nullable: false,
                defaultValue: "Sequential");

            migrationBuilder.AddColumn<int>(
                name: "MaxIncomingCalls",
                table: "Phones",
                type: "int",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Routes_TenantId_PhoneId",
                table: "Routes",
                columns: new[] { "TenantId", "PhoneId" });

            migrationBuilder.AddForeignKey(
                name: "FK_Routes_Phones_TenantId_PhoneId",
                table: "Routes",
                columns: new[] { "TenantId", "PhoneId" },
                principalTable: "Phones",
                principalColumns: new[] { "TenantId", "Id" },
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Routes_Phones_TenantId_PhoneId",
                table: "Routes");

            migrationBuilder.DropIndex(
                name: "IX_Routes_TenantId_PhoneId",
                table: "Routes");

            migrationBuilder.DropColumn(
                name: "PhoneId",
                table: "Routes");

            migrationBuilder.DropColumn(
                name: "ForkMode",
                table: "Phones");

            migrationBuilder.DropColumn(
                name: "MaxIncomingCalls",
                table: "Phones");
        }
    }
}
