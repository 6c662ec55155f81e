using Microsoft.Extensions.Diagnostics.HealthChecks;
using Softswitch.Data;

namespace Softswitch.Api.Hosting;

/// <summary>The database answers; when it does not, the registration's failure status says how much that matters to this process's roles.</summary>
internal sealed class DatabaseHealthCheck(SoftswitchDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            if (await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Healthy();
            }
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // A provider's message may name the server or the file; the readiness answer says only that it failed.
            return new HealthCheckResult(context.Registration.FailureStatus, "The database does not answer.", exception);
        }

        return new HealthCheckResult(context.Registration.FailureStatus, "The database does not answer.");
    }
}
