namespace Softswitch.Switch.Cdrs;

/// <summary>The durable home of CDRs (the control-plane database). Must be idempotent: ids it already holds are skipped.</summary>
public interface ICdrStore
{
    Task StoreAsync(IReadOnlyList<CallDetailRecord> batch, CancellationToken cancellationToken);
}
