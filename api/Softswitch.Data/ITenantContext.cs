namespace Softswitch.Data;

/// <summary>The tenant the current unit of work acts for.</summary>
public interface ITenantContext
{
    /// <summary>The tenant id, or null for platform-level work (then no tenant-owned rows are visible).</summary>
    string? TenantId { get; }
}
