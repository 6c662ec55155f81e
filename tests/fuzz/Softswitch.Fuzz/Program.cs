using SharpFuzz;
using Softswitch.Fuzz;

// Run with file arguments to replay inputs (a crash afl found, say) through the same path outside afl; with
// "--rounds N" first, the files are replayed N times, to watch the process for growth over many executions.
if (args.Length > 0)
{
    var rounds = args[0] == "--rounds" ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1;
    var files = (args[0] == "--rounds" ? args[2..] : args).Select(path => (path, File.ReadAllBytes(path))).ToList();
    using var replay = new DatagramIngress();
    for (var round = 0; round < rounds; round++)
    {
        foreach (var (path, bytes) in files)
        {
            replay.Deliver(bytes);
            if (rounds == 1)
            {
                Console.WriteLine($"{path}: {replay.LastOutcome}");
            }
        }
    }

    Console.WriteLine($"{rounds * files.Count} executions, working set {Environment.WorkingSet / (1024 * 1024)} MB");
    return;
}

// Under afl-fuzz (tests/fuzz/run.sh) every input is one UDP datagram from a known trunk. Instrumented code may only
// run once Fuzzer.Run has mapped afl's coverage memory, so the switch is built inside the first execution.
DatagramIngress? ingress = null;
var buffer = new MemoryStream();
Fuzzer.Run(input =>
{
    ingress ??= new DatagramIngress();
    buffer.SetLength(0);
    input.CopyTo(buffer);
    ingress.Deliver(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
});
