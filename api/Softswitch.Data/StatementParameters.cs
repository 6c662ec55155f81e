namespace Softswitch.Data;

/// <summary>How many parameters one multi-row INSERT binds, for every bulk writer of either provider.</summary>
public static class StatementParameters
{
    /// <summary>
    /// Microsoft.Data.Sqlite binds each parameter by name and SQLite finds a name by a linear search, so a statement's
    /// binding cost grows with the square of its parameters: 2,000 made a 50,000-row rate deck take 7 s (200: about
    /// 1 s), and the CDR insert's 1,550 put the search (strncmp) at 15 % of the switch's CPU at 500 CPS
    /// (bench/README.md). It also stays far under SQL Server's 2,100 parameters per command.
    /// </summary>
    public const int Max = 200;
}
