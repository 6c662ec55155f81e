namespace Softswitch.Interop.Tests.Sipp;

/// <summary>
/// The phone account a register scenario uses: <c>-au</c>/<c>-ap</c> answer digest challenges, and the keywords
/// <c>[user]</c>, <c>[password]</c> and <c>[domain]</c> build the address of record (and let a UAS check credentials).
/// </summary>
public sealed record SippAccount(string User, string Password, string Domain);
