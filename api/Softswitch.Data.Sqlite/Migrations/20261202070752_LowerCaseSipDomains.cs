using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Softswitch.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class LowerCaseSipDomains : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The API stores SIP domains lower-case, so the ordinal unique index on SipDomain compares them without
            // regard to case (RFC 4343). Rows written before that are normalized here. Two tenants whose domains
            // differ only by case stop this migration with a unique violation on IX_Tenants_SipDomain: rename one
            // first. Plain SQL that SQLite and SQL Server both run (domains are ASCII host names, lowered alike).
            migrationBuilder.Sql("UPDATE Tenants SET SipDomain = LOWER(SipDomain) WHERE SipDomain <> LOWER(SipDomain);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The original case is not kept, and lower-case domains are valid for the older schema as they are.
        }
    }
}
