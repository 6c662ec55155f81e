using System.Net;
using System.Net.Sockets;
using Softswitch.Interop.Tests.Infrastructure;

namespace Softswitch.Interop.Tests.Baresip;

/// <summary>
/// baresip 1.0.0 as a real phone for interop tests: headless (a generated tone in, nothing out), on 127.0.0.1 with
/// ports of its own, driven over its ctrl_tcp socket. Against the switch:
/// <code>
/// await using var phone = await BaresipPhone.StartAsync(new BaresipPhoneOptions
/// {
///     User = "1001", Domain = "tenant.example", Password = "secret",
///     OutboundProxy = new IPEndPoint(IPAddress.Loopback, switchSipPort),
///     RegistrationInterval = TimeSpan.FromMinutes(5),
/// });
/// await phone.WaitForRegistrationAsync();
/// await phone.DialAsync("sip:442071234567@tenant.example");
/// await phone.WaitForEventAsync(BaresipEventTypes.CallEstablished);
/// await phone.HangupAsync();
/// await phone.WaitForEventAsync(BaresipEventTypes.CallClosed);
/// </code>
/// Dispose the phone before stopping the registrar: quitting sends an un-REGISTER, and with nobody to answer it baresip
/// waits for it to time out, so the dispose ends up killing it. One test drives one phone; its waits take events in
/// arrival order and are not meant to run concurrently.
/// </summary>
public sealed class BaresipPhone : IAsyncDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan QuitTimeout = TimeSpan.FromSeconds(5);

    private readonly BaresipProcess _process;
    private readonly BaresipControlClient _control;
    private int _disposed;

    private BaresipPhone(BaresipProcess process, BaresipControlClient control, string aor, IPEndPoint sipEndpoint)
    {
        _process = process;
        _control = control;
        Aor = aor;
        SipEndpoint = sipEndpoint;
    }

    /// <summary>The address of record, <c>sip:USER@DOMAIN</c>.</summary>
    public string Aor { get; }

    /// <summary>Where the phone takes SIP on UDP and TCP, for peers that call it directly.</summary>
    public IPEndPoint SipEndpoint { get; }

    /// <summary>The events so far and what baresip printed, for assertion messages.</summary>
    public string Diagnostics => $"{Aor} on {SipEndpoint}: {_process.State}.\n{EventsSoFar()}\n--- baresip output ---\n{_process.Output}";

    /// <summary>
    /// Starts baresip and adds the account. The account is added over ctrl_tcp (<c>uanew</c>) rather than from an
    /// accounts file because ctrl_tcp drops events that happen while no client is connected, and baresip registers
    /// the moment an account exists: a REGISTER_OK could otherwise come before anyone listens for it.
    /// </summary>
    public static async Task<BaresipPhone> StartAsync(BaresipPhoneOptions options, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var sipPort = LoopbackPorts.FreeSipListen();
        var controlPort = LoopbackPorts.Free(ProtocolType.Tcp);
        var process = BaresipProcess.Start(
            BaresipConfigDirectory.Create(sipPort, controlPort, options.AudioLength), options.MaxLifetime);

        BaresipControlClient control;
        try
        {
            control = await process.WithinAsync(
                "starting ctrl_tcp",
                limit,
                token => BaresipControlClient.ConnectAsync(new IPEndPoint(IPAddress.Loopback, controlPort), token),
                () => "");
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }

        var phone = new BaresipPhone(
            process, control, $"sip:{options.User}@{options.Domain}", new IPEndPoint(IPAddress.Loopback, sipPort));
        try
        {
            await phone.ExecuteAsync("uanew", BaresipAccountLine.Format(options), limit);
        }
        catch
        {
            await phone.DisposeAsync();
            throw;
        }

        return phone;
    }

    /// <summary>Waits for the outcome of the first REGISTER; throws if it is REGISTER_FAIL, with baresip's reason.</summary>
    public async Task WaitForRegistrationAsync(TimeSpan? timeout = null)
    {
        var outcome = await NextEventAsync(
            [BaresipEventTypes.RegisterOk, BaresipEventTypes.RegisterFail], timeout ?? DefaultTimeout);
        if (outcome.Type == BaresipEventTypes.RegisterFail)
        {
            throw new InvalidOperationException($"Registration of {Aor} failed: {outcome.Param}.\n{Diagnostics}");
        }
    }

    /// <summary>
    /// Places a call through the outbound proxy. baresip accepts any text and completes a bare user with the AOR
    /// domain, so whether the call goes anywhere shows only in the events that follow.
    /// </summary>
    public Task DialAsync(string uri) => ExecuteAsync("dial", uri, DefaultTimeout);

    /// <summary>Hangs up the current call; CALL_CLOSED follows.</summary>
    public Task HangupAsync() => ExecuteAsync("hangup", null, DefaultTimeout);

    /// <summary>Takes events in arrival order until one of <paramref name="type"/> (see <see cref="BaresipEventTypes"/>).</summary>
    public Task<BaresipEvent> WaitForEventAsync(string type, TimeSpan? timeout = null) =>
        NextEventAsync([type], timeout ?? DefaultTimeout);

    /// <summary>Asks baresip to quit, and kills it if it has not within a few seconds. Safe to call twice.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        try
        {
            using var bound = new CancellationTokenSource(QuitTimeout);
            await _control.PostAsync("quit", bound.Token);
            await _process.WaitForExitAsync(QuitTimeout);
        }
        catch (IOException)
        {
            // baresip has already closed the connection, so it is on its way out; the process dispose makes sure.
        }
        finally
        {
            await _control.DisposeAsync();
            await _process.DisposeAsync();
        }
    }

    private Task<BaresipEvent> NextEventAsync(IReadOnlyCollection<string> types, TimeSpan timeout) =>
        _process.WithinAsync(
            $"waiting for {string.Join(" or ", types)}",
            timeout,
            async token =>
            {
                while (true)
                {
                    var next = await _control.Events.ReadAsync(token);
                    if (types.Contains(next.Type))
                    {
                        return next;
                    }
                }
            },
            EventsSoFar);

    private Task<string> ExecuteAsync(string command, string? parameters, TimeSpan timeout) =>
        _process.WithinAsync(
            $"running '{command}'", timeout, token => _control.ExecuteAsync(command, parameters, token), EventsSoFar);

    private string EventsSoFar() => $"Events so far: {string.Join(", ", _control.Received)}";
}
