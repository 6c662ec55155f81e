namespace Softswitch.Domain;

/// <summary>
/// The number checks of a mapping or routing gateway: its black/white lists, caller and callee rules and the caller
/// length limits (VOS3000 gateway "caller/callee prefix allow/forbid" and "caller length"). Stored as JSON on the gateway.
/// </summary>
public sealed class NumberScreening
{
    public const int MaxLists = 32;

    public List<string> NumberListIds { get; set; } = [];

    public NumberRule Caller { get; set; } = new();

    public NumberRule Callee { get; set; } = new();

    /// <summary>Fewest digits a caller number may have; null: no limit.</summary>
    public int? CallerMinLength { get; set; }

    /// <summary>Most digits a caller number may have; null: no limit.</summary>
    public int? CallerMaxLength { get; set; }

    public bool IsEmpty =>
        NumberListIds.Count == 0 && Caller.IsEmpty && Callee.IsEmpty && CallerMinLength is null && CallerMaxLength is null;
}
