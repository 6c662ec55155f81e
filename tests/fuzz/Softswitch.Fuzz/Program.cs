using SharpFuzz;
using Softswitch.Fuzz;

// Run with file arguments to replay inputs (a crash afl found, say) through the same path outside afl.
if (args.Length > 0)
{
    using var replay = new DatagramIngress();
    foreach (var path in args)
    {
        replay.Deliver(File.ReadAllBytes(path));
        Console.WriteLine($"{path}: {replay.LastOutcome}");
    }

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
