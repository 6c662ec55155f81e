using Microsoft.EntityFrameworkCore;

namespace Softswitch.Api.Http;

/// <summary>Recognises unique and foreign-key violations from SQLite and SQL Server without referencing their drivers.</summary>
public static class ConstraintViolation
{
    public static bool IsUnique(DbUpdateException exception) =>
        Message(exception) is { } m
        && (m.Contains("UNIQUE constraint failed", StringComparison.Ordinal) // SQLite
            || m.Contains("Cannot insert duplicate key", StringComparison.Ordinal)); // SQL Server 2601/2627

    public static bool IsForeignKey(DbUpdateException exception) =>
        Message(exception) is { } m
        && (m.Contains("FOREIGN KEY constraint failed", StringComparison.Ordinal) // SQLite
            || m.Contains("conflicted with the REFERENCE constraint", StringComparison.Ordinal) // SQL Server 547
            || m.Contains("conflicted with the FOREIGN KEY constraint", StringComparison.Ordinal));

    private static string? Message(DbUpdateException exception) => exception.InnerException?.Message;
}
