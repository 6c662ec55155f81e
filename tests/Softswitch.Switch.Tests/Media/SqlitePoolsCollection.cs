namespace Softswitch.Switch.Tests.Media;

/// <summary>
/// Tests that count what SQLite answers across many connections of the process run alone: other test classes open,
/// close and clear (<c>SqliteConnection.ClearAllPools</c>) connections of their own databases meanwhile, and in the full
/// run the write gate's test met SQLITE_BUSY from that traffic (2 runs in 3) while alone it met none.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SqlitePoolsCollection
{
    public const string Name = "SQLite connection pools of the process";
}
