namespace Softswitch.Worker.Alarms;

/// <summary>The columns of a CDR the per-call rules read: loading whole records (attempts included) costs several times more.</summary>
public sealed record AlarmCall(
    string Id, DateTime CreatedAt, string AccountId, string CallerReceived, string CalleeReceived, string? CalleeSent, DateTime SetupAt,
    long DurationMilliseconds);
