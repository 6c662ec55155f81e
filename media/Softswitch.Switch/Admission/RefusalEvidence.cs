namespace Softswitch.Switch.Admission;

/// <summary>
/// Why a rule refused a call, in numbers: the count it saw against its threshold within its window (a window of zero
/// for a count of things at once, such as concurrent calls), and a sentence for what the numbers cannot say.
/// </summary>
public sealed record RefusalEvidence(long Count, long Threshold, TimeSpan Window, string? Detail = null);
