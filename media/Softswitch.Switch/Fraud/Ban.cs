namespace Softswitch.Switch.Fraud;

/// <summary>A source's current (or last) ban: it is in force while the time is before <see cref="ExpiresAt"/>.</summary>
public sealed record Ban(string Rule, DateTimeOffset BannedAt, DateTimeOffset ExpiresAt, int Offence);
