using System.Text.Json.Serialization;
using Softswitch.Domain;
using Softswitch.Domain.Billing;

namespace Softswitch.Switch.Cdrs;

/// <summary>
/// Everything the switch records about one call. The same shape is journalled while the call is in progress
/// (with <see cref="EndAt"/> unset) and written once more, complete, when it ends.
/// </summary>
public sealed record CallDetailRecord
{
    /// <summary>A <c>cdr_</c> id assigned at setup (see <see cref="NewId"/>); the store skips ids it already has.</summary>
    public required string Id { get; init; }

    public required string TenantId { get; init; }

    public required string CallId { get; init; }

    public string? AccountId { get; init; }

    public string? MappingGatewayId { get; init; }

    public string? PhoneId { get; init; }

    public required string CallerReceived { get; init; }

    public required string CalleeReceived { get; init; }

    public string? CallerSent { get; init; }

    public string? CalleeSent { get; init; }

    public IReadOnlyList<CdrAttemptRecord> Attempts { get; init; } = [];

    public required DateTimeOffset SetupAt { get; init; }

    public DateTimeOffset? RingingAt { get; init; }

    public DateTimeOffset? AnswerAt { get; init; }

    public DateTimeOffset? EndAt { get; init; }

    /// <summary>Final SIP status the caller got; 0 while the call is in progress.</summary>
    public int FinalCode { get; init; }

    public HangupSide HangupSide { get; init; }

    public bool Interrupted { get; init; }

    /// <summary>The admission rule that refused the call; null for a call that was admitted.</summary>
    public string? RefusedBy { get; init; }

    /// <summary>The caller's INVITE headers the tenant chose for its webhooks (<see cref="Events.ICallMetadataHeaders"/>); null when none.</summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }
    /// <summary>The routing server whose answer decided the routes (the 3xx redirect client); null when none was asked.</summary>
    public string? RedirectServer { get; init; }

    /// <summary>How long the redirect query took, from its start to the deciding answer (or the deadline).</summary>
    public int? RedirectMilliseconds { get; init; }

    /// <summary>The customer rate the call was priced at setup; null when the account is not rated.</summary>
    public Tariff? Rate { get; init; }

    /// <summary>The answering vendor's rate, for the cost; null when its account has no rate for the number sent.</summary>
    public Tariff? VendorRate { get; init; }

    /// <summary>The package allowances the call held, in the order it uses them; null when none applied.</summary>
    public PackageGrant? Packages { get; init; }

    /// <summary>What the caller's account pays: <see cref="Rate"/> applied to <see cref="Duration"/>, less what <see cref="Packages"/> paid.</summary>
    [JsonIgnore]
    public decimal? Charge => Rate is null ? null : PackageSplit?.Charge ?? Rate.Charge(Duration);

    /// <summary>Billed seconds paid by package free seconds (VOS3000 "package usage duration").</summary>
    [JsonIgnore]
    public int PackageSeconds => PackageSplit?.PackageSeconds ?? 0;

    /// <summary>Money paid by package free amounts (VOS3000 "package charges").</summary>
    [JsonIgnore]
    public decimal PackageAmount => PackageSplit?.PackageAmount ?? 0m;

    /// <summary>The call's split between allowances and money; null when it was not rated or held no allowance.</summary>
    [JsonIgnore]
    public PackageSplit? PackageSplit => Rate is not null && Packages is not null ? Packages.Split(Rate, Duration) : null;

    [JsonIgnore]
    public decimal? Cost => VendorRate?.Charge(Duration);

    /// <summary>Post-dial delay: setup to first ringing, or to the end when nothing rang.</summary>
    [JsonIgnore]
    public TimeSpan? Pdd => (RingingAt ?? EndAt) - SetupAt;

    /// <summary>Answer to end; zero for an unanswered call.</summary>
    [JsonIgnore]
    public TimeSpan Duration => AnswerAt is { } answer && EndAt is { } end && end > answer ? end - answer : TimeSpan.Zero;

    [JsonIgnore]
    public int Q850Cause => Cdrs.Q850Cause.FromSipStatus(FinalCode);

    public static string NewId(DateTimeOffset setupAt) => IdGenerator.New(IdPrefix.Cdr, setupAt);

    /// <summary>
    /// The record of a call that was still in progress when the switch stopped: it ends at the last moment the
    /// journal knew of, answered calls keep their 200 and unanswered ones get 500 (the caller got no answer from us).
    /// </summary>
    public CallDetailRecord AsInterrupted() => this with
    {
        EndAt = EndAt ?? AnswerAt ?? RingingAt ?? SetupAt,
        FinalCode = FinalCode != 0 ? FinalCode : AnswerAt is null ? 500 : 200,
        HangupSide = HangupSide.Switch,
        Interrupted = true,
    };
}
