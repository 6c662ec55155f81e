namespace Softswitch.Domain.Fraud;

/// <summary>The numbers that sources banned as scanners tried to reach (the scanner honeypot), platform-wide.</summary>
public interface IScannerDestinations
{
    /// <summary>When a banned scanner last dialled <paramref name="callee"/>; null if none did (or it was forgotten).</summary>
    DateTimeOffset? LastDialled(string callee);
}
