using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Softswitch.Media.Config;
using Softswitch.Switch.Config;

namespace Softswitch.Api.Hosting;

/// <summary>
/// Which configuration the switch routes from: Healthy when it is current from the database and every row was usable;
/// Degraded when it comes from the snapshot file, when refreshing from the database fails, or when rows were left out;
/// Unhealthy when there is none at all. The data lists the rows left out (table, id and problem, at most
/// <see cref="ListedProblems"/>); the log names their tenants.
/// </summary>
internal sealed class SwitchConfigHealthCheck(SwitchConfigRefresher refresher, ISwitchConfigSource source) : IHealthCheck
{
    public const int ListedProblems = 20;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var state = refresher.State;
        var snapshot = source.Current;
        var data = new Dictionary<string, object>
        {
            ["origin"] = state.Origin.ToString(),
            ["version"] = snapshot.Version,
            ["problem_rows"] = snapshot.Problems.Count,
            ["problems"] = snapshot.Problems.Take(ListedProblems).Select(p => $"{p.Table} {p.RowId}: {p.Problem}").ToArray(),
        };
        if (state.BuiltAt is { } builtAt)
        {
            data["built_at"] = builtAt;
        }

        var result = state switch
        {
            { Origin: SwitchConfigOrigin.None } => HealthCheckResult.Unhealthy(
                "No configuration: the database did not answer at start and there is no usable snapshot file.", data: data),
            { Origin: SwitchConfigOrigin.SnapshotFile } => HealthCheckResult.Degraded(
                $"Routing from snapshot file of {Utc(state.BuiltAt)}; the database does not answer.", data: data),
            { DatabaseFailingSince: { } since } => HealthCheckResult.Degraded(
                $"Routing from the configuration read at {Utc(state.BuiltAt)}; refreshing it from the database fails since {Utc(since)}.", data: data),
            _ when snapshot.Problems.Count > 0 => HealthCheckResult.Degraded(
                $"{snapshot.Problems.Count} configuration rows could not be used as stored.", data: data),
            _ => HealthCheckResult.Healthy($"Configuration version {snapshot.Version} from the database.", data),
        };
        return Task.FromResult(result);
    }

    private static string Utc(DateTimeOffset? time) =>
        time?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) ?? "unknown time";
}
