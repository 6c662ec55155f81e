using Microsoft.Extensions.Diagnostics.HealthChecks;
using Softswitch.Media.Sip;

namespace Softswitch.Api.Hosting;

/// <summary>Unhealthy unless every SIP receive and accept loop runs: a switch whose UDP intake died must leave the pool.</summary>
internal sealed class SipListenerHealthCheck(SipSwitchService sip) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(sip.IsReceiving
            ? HealthCheckResult.Healthy($"Receiving SIP on UDP and TCP {sip.LocalEndPoint}.")
            : HealthCheckResult.Unhealthy("A SIP listener is not receiving."));
}
