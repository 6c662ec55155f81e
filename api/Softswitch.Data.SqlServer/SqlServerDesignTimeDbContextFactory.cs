using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Softswitch.Data.SqlServer;

/// <summary>
/// Lets <c>dotnet ef</c> build the SQL Server model without the API host. Adding migrations and
/// scripting them never opens this connection, so no server is needed.
/// </summary>
public sealed class SqlServerDesignTimeDbContextFactory : IDesignTimeDbContextFactory<SoftswitchDbContext>
{
    private const string OfflineConnectionString =
        "Server=localhost;Database=Softswitch;Trusted_Connection=True;TrustServerCertificate=True";

    public SoftswitchDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SoftswitchDbContext>()
            .UseSoftswitchSqlServer(OfflineConnectionString)
            .Options;
        return new SoftswitchDbContext(options, FixedTenantContext.None, TimeProvider.System);
    }
}
