using System.Collections.Frozen;
using Softswitch.Domain.Billing;

namespace Softswitch.Switch.Billing;

/// <summary>
/// Every account's package allowances for the current periods, in priority order: published whole by the refresher
/// that reads the subscriptions, read by rating at call setup. A pool outlives a publish as long as its subscription
/// stays in the same period, so what live calls reserved is kept; a new period is a new, full pool.
/// </summary>
/// <remarks>
/// Like <see cref="AccountBudgets"/>, the pools are per switch process: several switches serving one account each
/// hold their own reservations, and only the database's usage totals are shared.
/// One pool per active subscription: bounded by the provisioned subscriptions.
/// </remarks>
public sealed class PackageAllowances
{
    private readonly Lock _publishing = new();
    private volatile FrozenDictionary<string, AllowancePool[]> _byAccount = FrozenDictionary<string, AllowancePool[]>.Empty;
    private volatile FrozenDictionary<string, AllowancePool> _bySubscription = FrozenDictionary<string, AllowancePool>.Empty;

    public void Publish(IEnumerable<AllowanceTerms> subscriptions)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        lock (_publishing)
        {
            var pools = new List<AllowancePool>();
            foreach (var terms in subscriptions)
            {
                if (_bySubscription.TryGetValue(terms.SubscriptionId, out var pool) && pool.Terms.PeriodStart == terms.PeriodStart
                    && string.Equals(pool.Terms.AccountId, terms.AccountId, StringComparison.Ordinal))
                {
                    pool.Update(terms);
                }
                else
                {
                    pool = new AllowancePool(terms);
                }

                pools.Add(pool);
            }

            _bySubscription = pools.ToFrozenDictionary(p => p.Terms.SubscriptionId, StringComparer.Ordinal);
            _byAccount = pools
                .GroupBy(p => p.Terms.AccountId, StringComparer.Ordinal)
                .ToFrozenDictionary(
                    g => g.Key,
                    g => g.OrderBy(p => p.Terms.Priority).ThenBy(p => p.Terms.SubscriptionId, StringComparer.Ordinal).ToArray(),
                    StringComparer.Ordinal);
        }
    }

    /// <summary>
    /// The allowances a call of <paramref name="accountId"/> to <paramref name="callee"/> set up at <paramref name="at"/>
    /// may take, at <paramref name="tariff"/>'s increments; null when the account has none in force (no allocation then).
    /// </summary>
    internal CallPackages? Open(string tenantId, string accountId, ReadOnlySpan<char> callee, DateTime at, Tariff tariff)
    {
        if (!_byAccount.TryGetValue(accountId, out var pools))
        {
            return null;
        }

        List<AllowancePool>? seconds = null;
        List<AllowancePool>? amounts = null;
        foreach (var pool in pools)
        {
            if (!pool.IsCurrentAt(at) || !string.Equals(pool.Terms.TenantId, tenantId, StringComparison.Ordinal))
            {
                continue;
            }

            if (pool.CoversSeconds(callee))
            {
                (seconds ??= []).Add(pool);
            }

            if (pool.Terms.FreeAmount > 0m)
            {
                (amounts ??= []).Add(pool);
            }
        }

        return seconds is null && amounts is null ? null : new CallPackages(tariff, seconds ?? [], amounts ?? []);
    }

    /// <summary>The pool of <paramref name="subscriptionId"/>'s current period; null when it has none in force.</summary>
    public AllowancePool? Pool(string subscriptionId) => _bySubscription.GetValueOrDefault(subscriptionId);

    /// <summary>
    /// The database posted a call's usage of <paramref name="subscriptionId"/>'s period that started at
    /// <paramref name="periodStart"/>; usage of a period that is no longer current changes nothing here.
    /// </summary>
    public void Settle(string subscriptionId, DateTime periodStart, int seconds, decimal amount, long usedSeconds, decimal usedAmount, long version)
    {
        if (_bySubscription.TryGetValue(subscriptionId, out var pool) && pool.Terms.PeriodStart == periodStart)
        {
            pool.Settle(seconds, amount, usedSeconds, usedAmount, version);
        }
    }
}
