using System.Collections.Frozen;
using Softswitch.Domain;
using Softswitch.Switch.Numbers;

namespace Softswitch.Switch.Config;

/// <summary>An active outbound trunk to a vendor.</summary>
public sealed class RoutingGatewayEntry
{
    public RoutingGatewayEntry(RoutingGateway row)
    {
        ArgumentNullException.ThrowIfNull(row);
        Id = row.Id;
        TenantId = row.TenantId;
        AccountId = row.AccountId;
        Name = row.Name;
        Host = row.Host;
        Port = row.Port;
        Transport = row.Transport;
        Priority = row.Priority;
        Weight = row.Weight;
        StripDigits = row.StripDigits;
        AddPrefix = row.AddPrefix ?? "";
        MaxConcurrentCalls = row.MaxConcurrentCalls;
        MaxCallsPerSecond = row.MaxCallsPerSecond;
        MaxCallDurationSeconds = row.MaxCallDurationSeconds;
        NoAnswerTimeoutSeconds = row.NoAnswerTimeoutSeconds;
        FailoverCodes = row.FailoverCodes.ToFrozenSet();
        StopCodes = row.StopCodes.ToFrozenSet();
        RedirectPolicy = row.RedirectPolicy;
        OptionsPing = row.OptionsPing;
        OptionsPingSeconds = row.OptionsPingSeconds;
        Screening = row.NumberScreening is { IsEmpty: false } screening ? new GatewayScreening(screening) : GatewayScreening.None;
    }

    public string Id { get; }

    public string TenantId { get; }

    public string AccountId { get; }

    public string Name { get; }

    public string Host { get; }

    public int Port { get; }

    public SipTransport Transport { get; }

    public int Priority { get; }

    public int Weight { get; }

    public int StripDigits { get; }

    public string AddPrefix { get; }

    public int? MaxConcurrentCalls { get; }

    public int? MaxCallsPerSecond { get; }

    public int? MaxCallDurationSeconds { get; }

    public int? NoAnswerTimeoutSeconds { get; }

    /// <summary>As configured; empty means the <see cref="Routing.FailoverPolicy"/> defaults apply.</summary>
    public FrozenSet<int> FailoverCodes { get; }

    /// <summary>As configured; empty means the <see cref="Routing.FailoverPolicy"/> defaults apply.</summary>
    public FrozenSet<int> StopCodes { get; }

    public RedirectPolicy RedirectPolicy { get; }

    public bool OptionsPing { get; }

    public int OptionsPingSeconds { get; }

    /// <summary>The vendor's number lists and rules: a call they refuse is not offered to this vendor.</summary>
    public GatewayScreening Screening { get; }

    /// <summary>Removes <see cref="StripDigits"/> leading characters (all when shorter) and prepends <see cref="AddPrefix"/>.</summary>
    public string RewriteCallee(string callee)
    {
        ArgumentNullException.ThrowIfNull(callee);
        var strip = Math.Clamp(StripDigits, 0, callee.Length);
        return string.Concat(AddPrefix, callee.AsSpan(strip));
    }
}
