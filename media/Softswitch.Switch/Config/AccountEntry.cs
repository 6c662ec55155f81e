using System.Net;
using Softswitch.Domain;
using Softswitch.Switch.Numbers;

namespace Softswitch.Switch.Config;

/// <summary>An active account as the switch sees it.</summary>
/// <param name="AccessBlocks">The account's access IPs (VOS3000 SS_ACCESS_IP_CHECK); empty when it is not bound.</param>
public sealed record AccountEntry(string Id, string TenantId, string Name, AccountKind Kind, decimal AvailableFunds, CidrBlock[] AccessBlocks)
{
    /// <summary>Calls up at once over all the account's trunks and phones; null: no cap.</summary>
    public int? MaxConcurrentCalls { get; init; }

    /// <summary>New calls a second over all the account's trunks and phones; null: no cap.</summary>
    public int? MaxCallsPerSecond { get; init; }

    public int? MaxCallDurationSeconds { get; init; }

    /// <summary>How far below zero the balance may go; <see cref="AvailableFunds"/> already includes it.</summary>
    public decimal CreditLimit { get; init; }

    /// <summary>The ledger sequence <see cref="AvailableFunds"/> was read at (see <see cref="Billing.AccountBudgets"/>).</summary>
    public long LedgerSequence { get; init; }

    /// <summary>The rate table that prices the account's calls; null: its calls are not rated.</summary>
    public string? RateTableId { get; init; }

    /// <summary>The destinations the account may call (VOS3000 account authorisation); none: any.</summary>
    public NumberRuleEntry Destinations { get; init; } = NumberRuleEntry.None;

    /// <summary>The entry for a usable row (its access IPs already checked).</summary>
    public static AccountEntry Of(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return new AccountEntry(account.Id, account.TenantId, account.Name, account.Kind, account.AvailableFunds, [.. account.AccessIps.Select(CidrBlock.Parse)])
        {
            MaxConcurrentCalls = account.MaxConcurrentCalls,
            MaxCallsPerSecond = account.MaxCallsPerSecond,
            MaxCallDurationSeconds = account.MaxCallDurationSeconds,
            CreditLimit = account.CreditLimit,
            LedgerSequence = account.LedgerSequence,
            RateTableId = account.RateTableId,
            Destinations = AccountDestinations.Compile(account.Destinations, account.BlockInternational, account.BlockPremium),
        };
    }

    /// <summary>True when the account is not bound to addresses, or <paramref name="source"/> is in one of its blocks.</summary>
    public bool Admits(IPAddress source)
    {
        if (AccessBlocks.Length == 0)
        {
            return true;
        }

        foreach (var block in AccessBlocks)
        {
            if (block.Contains(source))
            {
                return true;
            }
        }

        return false;
    }
}
