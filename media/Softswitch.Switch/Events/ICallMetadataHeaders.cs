namespace Softswitch.Switch.Events;

/// <summary>
/// The SIP headers of a tenant's INVITEs that its call events carry as the customer's own metadata (issue 10 §1),
/// read on the call path: answers from memory, never waits.
/// </summary>
public interface ICallMetadataHeaders
{
    /// <summary>Header names to copy; empty for a tenant that chose none.</summary>
    IReadOnlyList<string> For(string tenantId);
}
