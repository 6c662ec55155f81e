namespace Softswitch.Sip.Registrar;

/// <summary>
/// One registered contact of an address-of-record (RFC 3261 §10.3), with the NAT source it registered from
/// (received address, port and transport) so requests can be sent back through the same pinhole.
/// </summary>
public sealed record SipBinding(SipNameAddress Contact, string CallId, uint CSeq, DateTimeOffset ExpiresAt, SipEndPoint Source);
