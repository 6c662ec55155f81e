namespace Softswitch.Api.Reconciliations;

/// <summary>One call as a vendor's CDR file states it.</summary>
public sealed record VendorCdr(int Line, string Callee, DateTime Start, decimal Seconds, decimal? Charge);

/// <summary>One answered call of ours on the vendor's trunk.</summary>
public sealed record OurCdr(string Id, string Callee, DateTime Start, decimal Seconds, decimal? Cost);
