using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Softswitch.Data.Sqlite;

/// <summary>Lets <c>dotnet ef</c> build the SQLite model without the API host.</summary>
public sealed class SqliteDesignTimeDbContextFactory : IDesignTimeDbContextFactory<SoftswitchDbContext>
{
    public SoftswitchDbContext CreateDbContext(string[] args)
    {
        var path = Path.Combine(Path.GetTempPath(), "softswitch-design-time.db");
        var options = new DbContextOptionsBuilder<SoftswitchDbContext>()
            .UseSoftswitchSqlite($"Data Source={path}")
            .Options;
        return new SoftswitchDbContext(options, FixedTenantContext.None, TimeProvider.System);
    }
}
