using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Softswitch.Data;
using Softswitch.Data.Sqlite;

namespace Softswitch.Switch.Tests.Media;

/// <summary>A migrated SQLite file of its own per test, deleted afterwards.</summary>
public sealed class SqliteDatabase : IAsyncDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "softswitch-switch-tests", Guid.NewGuid().ToString("n"));

    private SqliteDatabase()
    {
        Directory.CreateDirectory(_directory);
        Options = new DbContextOptionsBuilder<SoftswitchDbContext>()
            .UseSoftswitchSqlite($"Data Source={Path.Combine(_directory, "softswitch.db")}")
            .Options;
    }

    public DbContextOptions<SoftswitchDbContext> Options { get; }

    public static async Task<SqliteDatabase> CreateAsync()
    {
        var database = new SqliteDatabase();
        await using var db = database.Platform();
        await db.Database.MigrateAsync();
        return database;
    }

    public SoftswitchDbContext Platform() => new(Options, FixedTenantContext.None, TimeProvider.System);

    public SoftswitchDbContext ForTenant(string tenantId) => new(Options, new FixedTenantContext(tenantId), TimeProvider.System);

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return ValueTask.CompletedTask;
    }
}
