using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Softswitch.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RedirectPhonesAlarms : Migration
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
                name: "AccountCountries",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: false),
                    AccountId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: false),
                    Country = table.Column<string>(type: "TEXT", unicode: false, maxLength: 2, nullable: false),
                    FirstCdrId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: false),
                    FirstCallAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccountCountries", x => x.Id);
                    table.UniqueConstraint("AK_AccountCountries_TenantId_Id", x => new { x.TenantId, x.Id });
                    table.ForeignKey(
                        name: "FK_AccountCountries_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AlarmCursors",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: false),
                    RuleId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: false),
                    ThroughCreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ThroughId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AlarmCursors", x => x.Id);
                    table.UniqueConstraint("AK_AlarmCursors_TenantId_Id", x => new { x.TenantId, x.Id });
                    table.ForeignKey(
                        name: "FK_AlarmCursors_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AlarmRules",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccountId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: true),
                    RoutingGatewayId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: true),
                    Threshold = table.Column<long>(type: "INTEGER", nullable: true),
                    WindowMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    MinimumCalls = table.Column<int>(type: "INTEGER", nullable: false),
                    SuppressionMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    SuppressAll = table.Column<bool>(type: "INTEGER", nullable: false),
                    SecurityEventRule = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: true),
                    WorkCalendar = table.Column<string>(type: "TEXT", unicode: false, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AlarmRules", x => x.Id);
                    table.UniqueConstraint("AK_AlarmRules_TenantId_Id", x => new { x.TenantId, x.Id });
                    table.ForeignKey(
                        name: "FK_AlarmRules_Accounts_TenantId_AccountId",
                        columns: x => new { x.TenantId, x.AccountId },
                        principalTable: "Accounts",
                        principalColumns: new[] { "TenantId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AlarmRules_RoutingGateways_TenantId_RoutingGatewayId",
                        columns: x => new { x.TenantId, x.RoutingGatewayId },
                        principalTable: "RoutingGateways",
                        principalColumns: new[] { "TenantId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AlarmRules_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AlarmSettings",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: false),
                    EmailEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    SmtpHost = table.Column<string>(type: "TEXT", unicode: false, maxLength: 253, nullable: false),
                    SmtpPort = table.Column<int>(type: "INTEGER", nullable: false),
                    TlsMode = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Password = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    From = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Recipients = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AlarmSettings", x => x.Id);
                    table.UniqueConstraint("AK_AlarmSettings_TenantId_Id", x => new { x.TenantId, x.Id });
                    table.ForeignKey(
                        name: "FK_AlarmSettings_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Alarms",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: false),
                    RuleId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    SubjectType = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    SubjectId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    WindowKey = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    Observed = table.Column<long>(type: "INTEGER", nullable: false),
                    Threshold = table.Column<long>(type: "INTEGER", nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CdrIds = table.Column<string>(type: "TEXT", unicode: false, nullable: false),
                    FiredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    AcknowledgedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AcknowledgedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ResolvedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ResolvedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    EmailStatus = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    EmailAttempts = table.Column<int>(type: "INTEGER", nullable: false),
                    EmailNextAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EmailSentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EmailError = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Alarms", x => x.Id);
                    table.UniqueConstraint("AK_Alarms_TenantId_Id", x => new { x.TenantId, x.Id });
                    table.ForeignKey(
                        name: "FK_Alarms_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

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
                name: "IX_Phones_TenantId_Number",
                table: "Phones",
                columns: new[] { "TenantId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Phones_TenantId_OfflineRedirectGatewayId",
                table: "Phones",
                columns: new[] { "TenantId", "OfflineRedirectGatewayId" });

            migrationBuilder.CreateIndex(
                name: "IX_AccountCountries_TenantId_AccountId_Country",
                table: "AccountCountries",
                columns: new[] { "TenantId", "AccountId", "Country" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AlarmCursors_TenantId_RuleId",
                table: "AlarmCursors",
                columns: new[] { "TenantId", "RuleId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AlarmRules_TenantId_AccountId",
                table: "AlarmRules",
                columns: new[] { "TenantId", "AccountId" });

            migrationBuilder.CreateIndex(
                name: "IX_AlarmRules_TenantId_Name",
                table: "AlarmRules",
                columns: new[] { "TenantId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AlarmRules_TenantId_RoutingGatewayId",
                table: "AlarmRules",
                columns: new[] { "TenantId", "RoutingGatewayId" });

            migrationBuilder.CreateIndex(
                name: "IX_AlarmSettings_TenantId",
                table: "AlarmSettings",
                column: "TenantId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Alarms_EmailStatus_EmailNextAttemptAt",
                table: "Alarms",
                columns: new[] { "EmailStatus", "EmailNextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Alarms_TenantId_FiredAt",
                table: "Alarms",
                columns: new[] { "TenantId", "FiredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Alarms_TenantId_RuleId_SubjectId_WindowKey",
                table: "Alarms",
                columns: new[] { "TenantId", "RuleId", "SubjectId", "WindowKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RedirectProfiles_TenantId_MappingGatewayId",
                table: "RedirectProfiles",
                columns: new[] { "TenantId", "MappingGatewayId" },
                unique: true);

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

            migrationBuilder.DropTable(
                name: "AccountCountries");

            migrationBuilder.DropTable(
                name: "AlarmCursors");

            migrationBuilder.DropTable(
                name: "AlarmRules");

            migrationBuilder.DropTable(
                name: "AlarmSettings");

            migrationBuilder.DropTable(
                name: "Alarms");

            migrationBuilder.DropTable(
                name: "RedirectProfiles");

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

            migrationBuilder.DropColumn(
                name: "RedirectMilliseconds",
                table: "Cdrs");

            migrationBuilder.DropColumn(
                name: "RedirectServer",
                table: "Cdrs");
        }
    }
}
