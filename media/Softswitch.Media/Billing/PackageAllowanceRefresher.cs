using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Softswitch.Data;
using Softswitch.Data.Billing;
using Softswitch.Domain;
using Softswitch.Switch.Billing;

namespace Softswitch.Media.Billing;

/// <summary>
/// Keeps the switch's <see cref="PackageAllowances"/> current: every <see cref="PollInterval"/> it compares the
/// fingerprint of subscriptions, packages and usage totals, and on a change reads every active subscription's current
/// period (the last one paid: from <c>StartsAt + (PeriodsPaid − 1)</c> months to <c>PaidThrough</c>) with its package's
/// allowances and what stored CDRs used of them, and publishes them. When the renewal job pays the next period the
/// subscription moves to it here, with a full allowance. Allowances are not in the snapshot file: until the first read
/// succeeds an account's calls are rated on money alone.
/// </summary>
public sealed partial class PackageAllowanceRefresher(
    DbContextOptions<SoftswitchDbContext> options, PackageAllowances allowances, TimeProvider time, ILogger<PackageAllowanceRefresher> logger)
    : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    private int? _seen;
    private bool _failing;

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await using var db = new SoftswitchDbContext(options, FixedTenantContext.None, time);
        var subscriptions = db.Subscriptions.IgnoreQueryFilters([SoftswitchDbContext.TenantFilter]).AsNoTracking();
        var packages = db.Packages.IgnoreQueryFilters([SoftswitchDbContext.TenantFilter]).AsNoTracking();
        var usages = db.PackageUsages.IgnoreQueryFilters([SoftswitchDbContext.TenantFilter]).AsNoTracking();
        var fingerprint = HashCode.Combine(
            await subscriptions.CountAsync(cancellationToken),
            await subscriptions.SumAsync(s => s.Version, cancellationToken),
            await packages.CountAsync(cancellationToken),
            await packages.SumAsync(p => p.Version, cancellationToken),
            await usages.CountAsync(cancellationToken),
            await usages.SumAsync(u => u.Version, cancellationToken));
        if (fingerprint == _seen)
        {
            return;
        }

        var active = await subscriptions
            .Where(s => s.Status == SubscriptionStatus.Active && s.PeriodsPaid > 0)
            .Join(packages, s => new { s.TenantId, Id = s.PackageId }, p => new { p.TenantId, p.Id }, (s, p) => new { Subscription = s, Package = p })
            .Where(x => x.Package.FreeSeconds > 0 || x.Package.FreeAmount > 0m)
            .ToListAsync(cancellationToken);
        var ids = active.Select(x => x.Subscription.Id).ToList();
        var used = (await usages.Where(u => ids.Contains(u.SubscriptionId)).ToListAsync(cancellationToken))
            .ToDictionary(u => (u.TenantId, u.SubscriptionId, u.PeriodStart));
        allowances.Publish(active.Select(x =>
        {
            var subscription = x.Subscription;
            var periodStart = PackageBilling.PeriodStart(subscription, subscription.PeriodsPaid - 1);
            var usage = used.GetValueOrDefault((subscription.TenantId, subscription.Id, periodStart));
            return new AllowanceTerms(
                subscription.TenantId,
                subscription.AccountId,
                subscription.Id,
                x.Package.Priority,
                periodStart,
                subscription.PaidThrough,
                x.Package.FreeSeconds,
                x.Package.FreePrefixes,
                x.Package.FreeAmount,
                usage?.UsedSeconds ?? 0,
                usage?.UsedAmount ?? 0m,
                usage?.Version ?? 0);
        }));
        _seen = fingerprint;
    }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await PollAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            await Task.Delay(PollInterval, time, stoppingToken);
            await PollAsync(stoppingToken);
        }
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        try
        {
            await RefreshAsync(cancellationToken);
            _failing = false;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is InvalidOperationException or System.Data.Common.DbException)
        {
            if (!_failing)
            {
                LogRefreshFailed(logger, exception);
            }

            _failing = true;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Reading the package subscriptions failed; the switch keeps the allowances it had")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
