using System.Globalization;

namespace Softswitch.Interop.Tests.Sipp;

/// <summary>The SIPp command line for one run.</summary>
internal static class SippArguments
{
    public static List<string> For(SippOptions options, SippPorts ports, SippRunFiles files)
    {
        var arguments = new List<string>();
        if (options.Remote is { } remote)
        {
            arguments.Add(remote.ToString());
        }

        arguments.AddRange(
        [
            "-sf", SippScenario.PathOf(options.Scenario),
            "-m", Invariant(options.Calls),
            "-r", Invariant(options.CallsPerSecond),
            "-d", Invariant((long)options.Pause.TotalMilliseconds),
            "-s", options.Callee,
            "-key", "caller", options.Caller,
            "-timeout", Invariant((long)options.Timeout.TotalMilliseconds) + "ms", "-timeout_error",
            "-t", options.Transport == SippTransport.Tcp ? "t1" : "u1",
            "-i", options.LocalAddress, "-bind_local", "-p", Invariant(ports.Sip),
            "-ci", options.LocalAddress, "-cp", Invariant(ports.Control),
            "-mi", options.MediaAddress ?? options.LocalAddress, "-mp", Invariant(ports.Media),
            "-nostdin",
            "-trace_stat", "-stf", files.Statistics,
            "-trace_err", "-error_file", files.Errors,
            "-trace_screen", "-screen_file", files.Screen,
            "-trace_logs", "-log_file", files.Log,
        ]);
        if (options.TraceMessages)
        {
            arguments.AddRange(["-trace_msg", "-message_file", files.Messages]);
        }

        if (options.TraceResponseTimes)
        {
            arguments.AddRange(["-trace_rtt", "-rtt_freq", "1"]);
        }

        if (options.OutOfCallScenario is { } outOfCall)
        {
            arguments.AddRange(["-oocsf", SippScenario.PathOf(outOfCall)]);
        }

        if (options.LostPercent is { } lost)
        {
            arguments.AddRange(["-lost", Invariant(lost)]);
        }

        if (options.ExpectedStatus is { } status)
        {
            arguments.AddRange(["-set", "expected_status", Invariant(status)]);
        }

        if (options.Account is { } account)
        {
            arguments.AddRange(
            [
                "-au", account.User, "-ap", account.Password,
                "-key", "user", account.User, "-key", "password", account.Password, "-key", "domain", account.Domain,
            ]);
        }

        if (options.AuthUri is { } authUri)
        {
            arguments.AddRange(["-auth_uri", authUri]);
        }

        foreach (var (name, value) in options.Keywords)
        {
            arguments.AddRange(["-key", name, value]);
        }

        foreach (var (name, value) in options.Variables)
        {
            arguments.AddRange(["-set", name, value]);
        }

        return arguments;
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Invariant(double value) => value.ToString(CultureInfo.InvariantCulture);
}
