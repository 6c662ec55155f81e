using Softswitch.Domain;
using Softswitch.Domain.Billing;
using Softswitch.Switch.Cdrs;

namespace Softswitch.Switch.Calls;

/// <summary>The CDR of one call as it builds up; only the call's executor touches it.</summary>
internal sealed class CallRecord(CallOrigin origin, string callId, string callerReceived, string calleeReceived, DateTimeOffset setupAt, string callerSent)
{
    private readonly string _id = CallDetailRecord.NewId(setupAt);
    // Copied on every change (a call makes a handful of attempts at most), so a snapshot shares the array it was given
    // and a held call keeps one array, not its own plus its last snapshot's.
    private CdrAttemptRecord[] _attempts = [];
    private string? _calleeSent;
    private DateTimeOffset? _ringingAt;
    private DateTimeOffset? _answerAt;
    private string? _redirectServer;
    private int? _redirectMilliseconds;

    public IReadOnlyList<int> AttemptCodes => _attempts.Select(a => a.ResponseCode).Where(c => c != 0).ToList();

    public string Id => _id;

    public DateTimeOffset? AnswerAt => _answerAt;

    public DateTimeOffset SetupAt => setupAt;

    /// <summary>The customer rate admission priced the call at.</summary>
    public Tariff? Rate { get; set; }

    /// <summary>The package allowances the call holds (they grow slice by slice).</summary>
    public PackageGrant? Packages { get; set; }
    /// <summary>The rule that refused the call after admission (a routing server's refusal: <c>redirect-refused</c>).</summary>
    public string? RefusedBy { get; set; }

    /// <summary>The answering vendor's rate.</summary>
    public Tariff? VendorRate { get; set; }

    /// <summary>The INVITE headers the tenant chose as its metadata.</summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }
    /// <summary>Records the redirect query: the server that decided (null when none answered) and its time.</summary>
    public void SetRedirect(string? server, TimeSpan elapsed)
    {
        _redirectServer = server;
        _redirectMilliseconds = (int)Math.Min(int.MaxValue, elapsed.TotalMilliseconds);
    }

    public int AddAttempt(string gatewayId, string calleeSent, DateTimeOffset startedAt)
    {
        _attempts = [.. _attempts, new CdrAttemptRecord(gatewayId, calleeSent, startedAt, 0)];
        return _attempts.Length - 1;
    }

    public void SetAttemptCode(int index, int code)
    {
        CdrAttemptRecord[] changed = [.. _attempts];
        changed[index] = changed[index] with { ResponseCode = code };
        _attempts = changed;
    }

    public string AttemptCallee(int index) => _attempts[index].CalleeSent;

    public void SetCalleeSent(string callee) => _calleeSent = callee;

    /// <summary>Records the first ringing; false when the call already rang.</summary>
    public bool MarkRinging(DateTimeOffset at)
    {
        if (_ringingAt is not null)
        {
            return false;
        }

        _ringingAt = at;
        return true;
    }

    public void MarkAnswered(DateTimeOffset at) => _answerAt = at;

    public CallDetailRecord Snapshot() => new()
    {
        Id = _id,
        TenantId = origin.Tenant.TenantId,
        CallId = callId,
        AccountId = origin.Account.Id,
        MappingGatewayId = origin.Gateway?.Id,
        PhoneId = origin.Phone?.Id,
        CallerReceived = callerReceived,
        CalleeReceived = calleeReceived,
        CallerSent = callerSent,
        CalleeSent = _calleeSent,
        Attempts = _attempts,
        SetupAt = setupAt,
        RingingAt = _ringingAt,
        AnswerAt = _answerAt,
        Rate = Rate,
        Packages = Packages,
        VendorRate = VendorRate,
        Metadata = Metadata,
        RefusedBy = RefusedBy,
        RedirectServer = _redirectServer,
        RedirectMilliseconds = _redirectMilliseconds,
    };

    public CallDetailRecord Final(DateTimeOffset endAt, int finalCode, HangupSide side) =>
        Snapshot() with { EndAt = endAt, FinalCode = finalCode, HangupSide = side };
}
