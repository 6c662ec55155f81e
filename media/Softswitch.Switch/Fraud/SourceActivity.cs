namespace Softswitch.Switch.Fraud;

/// <summary>What one source address did lately, per rule. Changed only under <see cref="SourceActivityTable"/>'s lock.</summary>
internal sealed class SourceActivity
{
    public WindowCount Requests;
    public WindowCount AuthFailures;
    public WindowCount ScannerHits;
    private DistinctCount? _users;

    public DistinctCount Users => _users ??= new DistinctCount();

    /// <summary>Forgets everything, for reuse by another source.</summary>
    public void Reset()
    {
        Requests = default;
        AuthFailures = default;
        ScannerHits = default;
        _users = null;
    }
}
