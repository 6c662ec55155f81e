namespace Softswitch.Domain;

/// <summary>What a refusal rule does when it fires.</summary>
public enum RefusalMode
{
    /// <summary>The call is refused, with a CDR and a security event saying which rule.</summary>
    Enforce,

    /// <summary>The call goes on; a "would refuse" security event records what the rule would have done (a safe rollout).</summary>
    Monitor,
}
