namespace Softswitch.Switch.Admission;

/// <summary>What an admission stage decided about a new INVITE.</summary>
public enum AdmissionVerdict
{
    /// <summary>This stage has no objection; the next stage runs.</summary>
    Continue,

    /// <summary>The INVITE is refused with the decision's response; no later stage runs.</summary>
    Reject,

    /// <summary>The caller must authenticate first (401/407); no later stage runs, and the refusal is not counted as a reject.</summary>
    Challenge,
}
