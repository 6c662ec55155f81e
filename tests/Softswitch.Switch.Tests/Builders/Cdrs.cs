using Softswitch.Domain;
using Softswitch.Switch.Cdrs;

namespace Softswitch.Switch.Tests.Builders;

/// <summary>Call detail records for spool and store tests.</summary>
public static class Cdrs
{
    public static readonly DateTimeOffset Setup = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static CallDetailRecord InProgress(int n, string tenant = "ten_a") => new()
    {
        Id = $"cdr_{n:D26}",
        TenantId = tenant,
        CallId = $"call-{n}",
        AccountId = "acc_1",
        CallerReceived = "15550001",
        CalleeReceived = "442071234567",
        SetupAt = Setup.AddSeconds(n),
    };

    public static CallDetailRecord Answered(int n, string tenant = "ten_a") => InProgress(n, tenant) with
    {
        Attempts = [new CdrAttemptRecord("rgw_1", "442071234567", Setup.AddSeconds(n), 200)],
        RingingAt = Setup.AddSeconds(n + 1),
        AnswerAt = Setup.AddSeconds(n + 2),
    };

    public static CallDetailRecord Final(int n, string tenant = "ten_a") => Answered(n, tenant) with
    {
        EndAt = Setup.AddSeconds(n + 62),
        FinalCode = 200,
        HangupSide = HangupSide.Caller,
    };
}
