namespace Softswitch.Domain;

/// <summary>How one call differs between our CDRs and a vendor's.</summary>
public enum MismatchKind
{
    /// <summary>The vendor bills a call we have no answered CDR for.</summary>
    MissingOurs,

    /// <summary>We have an answered call the vendor does not bill.</summary>
    MissingTheirs,

    /// <summary>Both have the call; the durations differ by more than the tolerance.</summary>
    Duration,

    /// <summary>Both have the call; the vendor's charge and our cost differ by more than the tolerance.</summary>
    Charge,
}
