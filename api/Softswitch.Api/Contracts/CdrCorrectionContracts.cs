using Softswitch.Domain;

namespace Softswitch.Api.Contracts;

/// <summary>One correction of a CDR's charge; <c>ledger_entry_id</c> is the balance movement it caused, if any.</summary>
public sealed record CdrCorrectionResponse(
    string Id, string CdrId, decimal? OldCharge, decimal NewCharge, string Reason, string Actor, string? LedgerEntryId, DateTime CreatedAt);

/// <summary>Sets a CDR's charge to <c>charge</c>; <c>reason</c> is kept with the correction.</summary>
public sealed record CdrCorrectionRequest(decimal? Charge, string? Reason);

public static class CdrCorrectionMapping
{
    public static CdrCorrectionResponse AsResponse(this CdrCorrection c) =>
        new(c.Id, c.CdrId, c.OldCharge, c.NewCharge, c.Reason, c.Actor, c.LedgerEntryId, c.CreatedAt);
}
