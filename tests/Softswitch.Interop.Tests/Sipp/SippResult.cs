using System.Text;

namespace Softswitch.Interop.Tests.Sipp;

/// <summary>
/// How a SIPp run ended. SIPp's exit codes: 0 every call succeeded, 1 at least one failed, 97 stopped by an internal
/// command, 99 no call processed, 255 fatal error, 254 a socket could not be bound; 137 means the harness killed it.
/// </summary>
public sealed record SippResult(
    int ExitCode,
    bool TimedOut,
    SippCallCounts Calls,
    string Errors,
    string StandardError,
    string Screen,
    string Log,
    string Messages)
{
    private const int ShownCharacters = 6000;

    /// <summary>Each call's response time in milliseconds, in the order they were dumped (<see cref="SippOptions.TraceResponseTimes"/>).</summary>
    public IReadOnlyList<int> ResponseTimes { get; init; } = [];

    public bool AllCallsSucceeded => ExitCode == 0 && !TimedOut;

    /// <summary>Everything worth reading when an assertion fails.</summary>
    public override string ToString()
    {
        var text = new StringBuilder()
            .Append($"SIPp exit {ExitCode}{(TimedOut ? " (killed at the hard timeout)" : "")}: ")
            .AppendLine($"{Calls.Created} calls, {Calls.Successful} succeeded, {Calls.Failed} failed");
        foreach (var (title, content) in new[] { ("stderr", StandardError), ("errors", Errors), ("log", Log), ("screen", Screen), ("messages", Messages) })
        {
            if (content.Length > 0)
            {
                text.AppendLine($"--- {title} ---").AppendLine(content.Length > ShownCharacters ? "…" + content[^ShownCharacters..] : content);
            }
        }

        return text.ToString();
    }
}
