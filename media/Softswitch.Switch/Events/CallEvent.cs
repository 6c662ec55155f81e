using Softswitch.Switch.Cdrs;

namespace Softswitch.Switch.Events;

/// <summary>
/// One state change of one call, with the full facts of the call at that moment (its CDR so far: ids, caller,
/// callee, gateways tried with their codes, times, and for <see cref="CallEventKind.Ended"/> the final code and
/// hang-up side). <see cref="Sequence"/> counts from 1 within the call, so a consumer can order and de-duplicate.
/// </summary>
public sealed record CallEvent(CallEventKind Kind, long Sequence, CallDetailRecord Call);
