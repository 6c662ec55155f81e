namespace Softswitch.Domain;

/// <summary>A billing party: a client that sends us traffic or a vendor we send traffic to.</summary>
public class Account : TenantEntity
{
    public const int NameMaxLength = 200;
    public const int NotesMaxLength = 1000;

    public string Name { get; set; } = "";

    public AccountKind Kind { get; set; }

    /// <summary>ISO 4217 code.</summary>
    public string Currency { get; set; } = "";

    /// <summary>The sum of the account's <see cref="LedgerEntry"/> rows; moved only by posting one (see the data layer's ledger).</summary>
    public decimal Balance { get; set; }

    /// <summary>The <see cref="LedgerEntry.Sequence"/> of the last entry in <see cref="Balance"/>: lets a reader tell the newer of two balances.</summary>
    public long LedgerSequence { get; set; }

    /// <summary>
    /// VOS3000 "advance amount": how far below zero the balance may go. A client may place calls
    /// while <c>Balance &gt; -CreditLimit</c>.
    /// </summary>
    public decimal CreditLimit { get; set; }

    public AccountStatus Status { get; set; }

    /// <summary>A posting that takes the balance below this raises a <c>low-balance</c> alert; null: no alert.</summary>
    public decimal? LowBalanceThreshold { get; set; }

    /// <summary>IP addresses or CIDR blocks (see <see cref="CidrBlock"/>) this account is bound to.</summary>
    public List<string> AccessIps { get; set; } = [];

    /// <summary>Calls of this account up at once, over all its trunks and phones (VOS3000 SS_MAXCONCURRENTCALL per account); null: no cap.</summary>
    public int? MaxConcurrentCalls { get; set; }

    /// <summary>New calls a second this account may place, over all its trunks and phones (a token bucket); null: no cap.</summary>
    public int? MaxCallsPerSecond { get; set; }

    /// <summary>The longest an answered call of this account may last; the tighter of this, the trunk's and the vendor's applies.</summary>
    public int? MaxCallDurationSeconds { get; set; }

    /// <summary>The rate table that prices this account's calls; same tenant.</summary>
    public string? RateTableId { get; set; }

    public string? Notes { get; set; }

    /// <summary>Destinations this account may call (allowed and forbidden prefixes, groups and number classes).</summary>
    public NumberRule Destinations { get; set; } = new();

    /// <summary>Refuse callees outside the tenant's home country (<see cref="NumberSettings.HomeCountry"/>).</summary>
    public bool BlockInternational { get; set; }

    /// <summary>Refuse premium-rate callees (<see cref="NumberClass.PremiumRate"/>).</summary>
    public bool BlockPremium { get; set; }

    /// <summary>Money the account can still spend before hitting its credit limit.</summary>
    public decimal AvailableFunds => Balance + CreditLimit;
}
