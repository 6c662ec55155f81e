namespace Softswitch.Domain.Fraud;

/// <summary>What the dynamic blacklist knows of a call: the same facts at admission in the switch and in a CDR replay.</summary>
/// <param name="CallId">The caller's Call-ID, kept as evidence.</param>
/// <param name="MappingGatewayId">The inbound trunk; null for a phone.</param>
public readonly record struct CallFacts(string CallId, string? MappingGatewayId, string AccountId, string Caller, string Callee)
{
    public string ValueOf(BlacklistSubject subject) => subject switch
    {
        BlacklistSubject.Caller => Caller,
        BlacklistSubject.Callee => Callee,
        _ => AccountId,
    };
}
