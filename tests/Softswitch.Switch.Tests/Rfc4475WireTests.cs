using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Parsing;
using Softswitch.Switch.Config;
using Softswitch.Switch.Tests.Builders;
using Softswitch.Switch.Tests.Calls;

namespace Softswitch.Switch.Tests;

/// <summary>
/// Every message of RFC 4475 §3 (tests/Softswitch.Sip.Tests/Corpus/Rfc4475) sent to the running switch over real UDP
/// and real TCP on loopback, from the test's own socket, which reads what the switch answers: the status code of each
/// final response the manifest lists, or silence. Afterwards the switch must still answer a plain OPTIONS.
/// </summary>
public sealed class Rfc4475WireTests : IAsyncDisposable
{
    /// <summary>How long silence must last to count as "no answer"; every answer the switch gives comes well within it.</summary>
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private readonly B2buaFixture _switch = new(_ => SwitchConfigSnapshot.Create(1, new ConfigRows()
        .Tenant("ten_a")
        .Account("ten_a", "acc_customer")
        .Mapping("ten_a", "acc_customer", "mgw_customer", ["127.0.0.1"])
        .Build()));

    public static TheoryData<string> Names => new(Manifest().Select(m => m.Name));

    private IPEndPoint Switch => _switch.SwitchEndPoint.EndPoint;

    [Fact]
    public void The_manifest_lists_the_49_messages()
    {
        Assert.Equal(49, Manifest().Count);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Over_udp_the_switch_answers_as_the_rfc_says(string name)
    {
        var torture = Manifest().Single(m => m.Name == name);
        using var socket = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));

        await socket.SendAsync(torture.Bytes, Switch);
        var answered = await FinalResponsesAsync(socket, torture.Udp.Length);

        Assert.True(torture.Udp.SequenceEqual(answered), $"{torture}: expected [{string.Join('+', torture.Udp)}], got [{string.Join('+', answered)}]");
        var probe = await FinalResponsesAsync(socket, 1, Options(socket.Client));
        Assert.Equal([200], probe);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Over_tcp_the_switch_answers_as_the_rfc_says(string name)
    {
        var torture = Manifest().Single(m => m.Name == name);
        using (var connection = await ConnectAsync())
        {
            await connection.GetStream().WriteAsync(torture.Bytes);
            var answered = await FinalResponsesAsync(connection, torture.Tcp.Length);
            Assert.True(torture.Tcp.SequenceEqual(answered), $"{torture}: expected [{string.Join('+', torture.Tcp)}], got [{string.Join('+', answered)}]");
        }

        using var next = await ConnectAsync();
        await next.GetStream().WriteAsync(Options(next.Client));
        var probe = await FinalResponsesAsync(next, 1, probe: true);
        Assert.Equal([200], probe);
    }

    public ValueTask DisposeAsync() => _switch.DisposeAsync();

    private async Task<TcpClient> ConnectAsync()
    {
        var client = new TcpClient(new IPEndPoint(IPAddress.Loopback, 0));
        await client.ConnectAsync(Switch);
        return client;
    }

    /// <summary>
    /// Status codes of the final responses that arrive until <paramref name="expected"/> have, then during a quiet spell
    /// to catch extras (not for a probe, <paramref name="send"/>, whose one answer is all there is to wait for).
    /// </summary>
    private async Task<int[]> FinalResponsesAsync(UdpClient socket, int expected, byte[]? send = null)
    {
        if (send is not null)
        {
            await socket.SendAsync(send, Switch);
        }

        var codes = new List<int>();
        for (var datagrams = 0; datagrams < 20 && (send is null || codes.Count < expected); datagrams++)
        {
            using var wait = new CancellationTokenSource(codes.Count < expected ? Patience : Quiet);
            try
            {
                var datagram = await socket.ReceiveAsync(wait.Token);
                AddIfFinal(SipParser.Default.Parse(datagram.Buffer, SipFraming.Datagram).Message, codes);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return [.. codes];
    }

    private static async Task<int[]> FinalResponsesAsync(TcpClient connection, int expected, bool probe = false)
    {
        var codes = new List<int>();
        var received = new MemoryStream();
        var chunk = new byte[8192];
        for (var reads = 0; reads < 50 && (!probe || codes.Count < expected); reads++)
        {
            using var wait = new CancellationTokenSource(codes.Count < expected ? Patience : Quiet);
            int count;
            try
            {
                count = await connection.GetStream().ReadAsync(chunk, wait.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or IOException)
            {
                break;
            }

            if (count == 0)
            {
                break;
            }

            received.Write(chunk, 0, count);
            while (received.Length > 0)
            {
                // A response may be refused by our own parser (scalar02's 400 echoes its overlarge CSeq) and still count.
                var result = SipParser.Default.Parse(received.GetBuffer().AsSpan(0, (int)received.Length), SipFraming.Stream);
                if (result.Consumed == 0)
                {
                    break;
                }

                AddIfFinal(result.Message, codes);
                var rest = received.GetBuffer().AsSpan(result.Consumed, (int)received.Length - result.Consumed).ToArray();
                received.SetLength(0);
                received.Write(rest);
            }
        }

        return [.. codes];
    }

    private static void AddIfFinal(SipMessage? message, List<int> codes)
    {
        var response = Assert.IsType<SipResponse>(message);
        if (response.StatusCode >= 200)
        {
            codes.Add(response.StatusCode);
        }
    }

    /// <summary>A plain OPTIONS from <paramref name="socket"/>'s own address, as a liveness probe.</summary>
    private byte[] Options(Socket socket)
    {
        var local = (IPEndPoint)socket.LocalEndPoint!;
        var transport = socket.ProtocolType == ProtocolType.Tcp ? "TCP" : "UDP";
        var branch = "z9hG4bK" + Guid.NewGuid().ToString("N");
        return Encoding.ASCII.GetBytes(
            $"OPTIONS sip:{Switch} SIP/2.0\r\nVia: SIP/2.0/{transport} {local};branch={branch}\r\nMax-Forwards: 70\r\n"
            + $"From: <sip:probe@127.0.0.1>;tag={branch}\r\nTo: <sip:{Switch}>\r\nCall-ID: {branch}@127.0.0.1\r\nCSeq: 1 OPTIONS\r\n"
            + "Content-Length: 0\r\n\r\n");
    }

    private static IReadOnlyList<TortureMessage> Manifest([CallerFilePath] string thisFile = "")
    {
        // The corpus belongs to the SIP stack's tests; this project reads it where the source tree keeps it.
        var folder = Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "Softswitch.Sip.Tests", "Corpus", "Rfc4475");
        return File.ReadLines(Path.Combine(folder, "manifest.tsv"))
            .Where(line => line.Length > 0 && line[0] != '#' && !line.StartsWith("name\t", StringComparison.Ordinal))
            .Select(line => line.Split('\t'))
            .Select(f => new TortureMessage(f[0], f[1], File.ReadAllBytes(Path.Combine(folder, f[0] + ".sip")), Codes(f[4]), Codes(f[5])))
            .ToList();
    }

    private static int[] Codes(string column) =>
        column == "-" ? [] : [.. column.Split('+').Select(c => int.Parse(c, System.Globalization.CultureInfo.InvariantCulture))];

    private sealed record TortureMessage(string Name, string Section, byte[] Bytes, int[] Udp, int[] Tcp)
    {
        public override string ToString() => $"{Section} {Name}";
    }
}
