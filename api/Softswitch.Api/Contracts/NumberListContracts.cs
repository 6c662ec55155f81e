using Softswitch.Domain;

namespace Softswitch.Api.Contracts;

/// <summary>
/// A black or white list of full numbers, matched against the caller or the callee (<c>match</c>) of calls through the
/// gateways it is assigned to (their <c>number_screening.number_list_ids</c>). Its numbers are managed at
/// <c>/v1/number-lists/{id}/numbers</c>; <c>number_count</c> says how many it holds.
/// </summary>
public sealed record NumberListResponse(
    string Id, string Name, NumberListKind Kind, NumberSide Match, IReadOnlyList<string> NumberGroupIds, int RefusalStatus,
    int NumberCount, DateTime CreatedAt, DateTime UpdatedAt, long Version);

/// <summary>Creates or replaces a list's settings (never its numbers). <c>refusal_status</c>: 400-699, default 403.</summary>
public sealed record NumberListRequest(
    string? Name, NumberListKind? Kind, NumberSide? Match, List<string>? NumberGroupIds = null, int? RefusalStatus = null);

/// <summary>Numbers to add to or remove from a list (E.164 digits, a leading '+' allowed; at most 10,000 a request).</summary>
public sealed record NumbersRequest(List<string>? Numbers);

/// <summary>What a change of a list's numbers did, and how many the list holds now.</summary>
public sealed record NumbersChangeResponse(int Changed, int NumberCount);

/// <summary>One number of a list.</summary>
public sealed record ListedNumberResponse(string Number);

public static class NumberListMapping
{
    public static NumberListResponse AsResponse(this NumberList l) => new(
        l.Id, l.Name, l.Kind, l.Match, l.NumberGroupIds, l.RefusalStatus, l.NumberCount, l.CreatedAt, l.UpdatedAt, l.Version);
}
