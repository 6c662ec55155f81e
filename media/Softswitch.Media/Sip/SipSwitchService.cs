using System.Diagnostics.Metrics;
using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Softswitch.Media.Fraud;
using Softswitch.Media.Health;
using Softswitch.Media.Redirect;
using Softswitch.Media.Webhooks;
using Softswitch.Sip.Auth;
using Softswitch.Sip.Probing;
using Softswitch.Sip.Registrar;
using Softswitch.Sip.Transactions;
using Softswitch.Sip.Transport;
using Softswitch.Switch.Admission;
using Softswitch.Switch.Billing;
using Softswitch.Switch.Calls;
using Softswitch.Switch.Capacity;
using Softswitch.Switch.Cdrs;
using Softswitch.Switch.Config;
using Softswitch.Switch.Events;
using Softswitch.Switch.Fraud;
using Softswitch.Switch.Geofencing;
using Softswitch.Switch.Health;
using Softswitch.Switch.Numbers;
using Softswitch.Switch.Phones;
using Softswitch.Switch.Redirect;
using Softswitch.Switch.Routing;
using Softswitch.Switch.Signalling;


namespace Softswitch.Media.Sip;

/// <summary>
/// The SIP side of the <c>switch</c> role: UDP and TCP listeners on <c>Softswitch:Sip</c>, the transaction layer,
/// the registrar and the B2BUA. Starts after the configuration snapshot and the CDR spool, so the first call
/// already finds both.
/// </summary>
public sealed partial class SipSwitchService(
    IOptions<SipSwitchSettings> settings,
    ISwitchConfigSource config,
    SignallingGuard guard,
    SecurityEventWriter securityEvents,
    GeofencePolicySource geofences,
    DynamicBlacklist dynamicBlacklist,
    CallCapacity capacity,
    ICdrSink cdrs,
    NumberPlanSource numbers,
    SwitchBilling billing,
    WebhookCallEventConsumer webhooks,
    WebhookEndpointTable webhookEndpoints,
    RedirectProfileSource redirectProfiles,
    HttpRoutingServerClient httpRoutingServers,
    SipBindingStore bindings,
    PeerHealthBoard gatewayHealth,
    RoutingServerHealth routingServerHealth,
    IOptions<PeerHealthOptions> healthOptions,
    TimeProvider time,
    IMeterFactory meters,
    ILoggerFactory loggers) : IHostedService, IAsyncDisposable
{
    private readonly List<Meter> _meters = [];
    private Lazy<Task>? _shutdown;
    private readonly ILogger _logger = loggers.CreateLogger<SipSwitchService>();
    private SipTransport? _transport;
    private SipTransactionLayer? _layer;
    private B2buaCore? _b2bua;
    private readonly List<ProbeScheduler> _pingers = [];

    /// <summary>Where the switch listens, with the bound port; set once started.</summary>
    public IPEndPoint LocalEndPoint => _transport?.LocalEndPoint ?? throw new InvalidOperationException("The SIP switch has not started.");

    /// <summary>True while every UDP receive loop and the TCP accept loop run; false before start, after stop, or if one died.</summary>
    public bool IsReceiving => _transport?.IsReceiving ?? false;

    public B2buaCore B2bua => _b2bua ?? throw new InvalidOperationException("The SIP switch has not started.");

    /// <summary>Client and server transactions in progress (0 when idle: a leak check).</summary>
    public int TransactionCount => _layer?.TransactionCount ?? throw new InvalidOperationException("The SIP switch has not started.");

    public SipTransportCounters TransportCounters => _transport?.Counters ?? throw new InvalidOperationException("The SIP switch has not started.");

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var s = settings.Value;
        var tcpConnections = s.TcpMaxConnections;
        if (DescriptorLimit.RaiseToHardLimit() is { } softLimit)
        {
            tcpConnections = DescriptorLimit.TcpConnectionsWithin(s.TcpMaxConnections, softLimit);
            if (tcpConnections < s.TcpMaxConnections)
            {
                LogTcpCapLowered(_logger, softLimit, tcpConnections, s.TcpMaxConnections);
            }
        }

        var transport = new SipTransport(
            new SipTransportOptions
            {
                ListenEndPoint = new IPEndPoint(IPAddress.Parse(s.Address), s.Port),
                AdvertisedAddress = s.AdvertisedAddress is { } advertised ? IPAddress.Parse(advertised) : null,
                MaxTcpConnections = tcpConnections,
                MaxTcpConnectionsPerSource = s.TcpMaxConnectionsPerSource,
                TcpIdleTimeout = TimeSpan.FromSeconds(s.TcpIdleTimeoutSeconds),
                TcpMessageReadTimeout = TimeSpan.FromSeconds(s.TcpMessageReadTimeoutSeconds),
                UdpReceivers = s.UdpReceivers == 0 ? Environment.ProcessorCount : s.UdpReceivers,
                UdpSocketBufferBytes = s.UdpSocketBufferBytes,
                Time = time,
                SourceGate = guard,
            },
            loggers.CreateLogger<SipTransport>());
        var transactionOptions = new SipTransactionOptions
        {
            T1 = TimeSpan.FromMilliseconds(s.T1Milliseconds),
            TimerD = TimeSpan.FromMilliseconds(s.T1Milliseconds * 64),
            MaxServerTransactionsPerSource = s.MaxServerTransactionsPerSource,
        };
        var layer = new SipTransactionLayer(transport, transactionOptions, time, loggers.CreateLogger<SipTransactionLayer>());
        var secret = s.DigestSecret is { } configured ? Convert.FromBase64String(configured) : RandomNumberGenerator.GetBytes(32);
        var algorithms = s.DigestAlgorithms.Split(',')
            .Select(name => DigestAlgorithms.TryParse(name, out var algorithm) ? algorithm : throw new InvalidOperationException($"Unknown digest algorithm {name}."))
            .ToArray();
        var authenticator = new DigestAuthenticator(new DigestServerOptions
        {
            Secret = secret, Algorithms = algorithms, MaxTrackedNoncesPerRealm = s.MaxTrackedNoncesPerRealm, Guard = guard,
        }, time);
        var registrar = new SipRegistrar(
            bindings, new SnapshotCredentialStore(config), authenticator,
            new SipRegistrarOptions { MaxContactsPerAor = s.MaxContactsPerAor, MinExpires = TimeSpan.FromSeconds(s.RegisterMinExpiresSeconds) }, time);
        var outcomes = meters.Create(CallOutcomeMetrics.MeterName);
        _meters.Add(outcomes);
        _b2bua = new B2buaCore(
            layer,
            config,
            capacity,
            cdrs,
            authenticator,
            new B2buaOptions
            {
                MaxAttempts = s.MaxAttempts,
                MaxActiveCalls = s.MaxActiveCalls,
                DefaultNoAnswerTimeout = TimeSpan.FromSeconds(s.NoAnswerTimeoutSeconds),
                SessionExpires = TimeSpan.FromSeconds(s.SessionExpiresSeconds),
                TimerC = TimeSpan.FromSeconds(s.PhoneTimerCSeconds),
            },
            time,
            loggers.CreateLogger<B2buaCore>(),
            router: new PhoneCallRouter(PrefixCallRouter.Instance, new RegisteredPhoneContacts(bindings)),
            callEventConsumers: [new CallOutcomeMetrics(outcomes), webhooks],
            securityEvents: securityEvents,
            geofences: geofences,
            dynamicBlacklist: dynamicBlacklist,
            numbers: numbers,
            billing: billing,
            metadataHeaders: webhookEndpoints,
            redirectProfiles: redirectProfiles,
            httpRoutingServers: httpRoutingServers,
            gatewayHealth: gatewayHealth,
            routingServerHealth: routingServerHealth);
        layer.Attach(new SwitchTransactionUser(_b2bua, registrar, SipOptionsResponder.Default, loggers.CreateLogger<SwitchTransactionUser>()));
        transport.Start(layer);
        _transport = transport;
        _layer = layer;
        _meters.Add(SipTransportMetrics.Create(meters, transport));
        _meters.Add(AdmissionMetrics.Create(meters, _b2bua.Admission, time));
        _meters.Add(CallMetrics.Create(meters, _b2bua));
        _meters.Add(SignallingGuardMetrics.Create(meters, guard));
        _meters.Add(PeerHealthMetrics.Create(meters, gatewayHealth, routingServerHealth));
        StartPinging(layer);
        LogListening(_logger, transport.LocalEndPoint, transport.AdvertisedEndPoint);
        return Task.CompletedTask;
    }

    /// <summary>OPTIONS pings to vendors and SIP routing servers, from the listening socket, once it listens.</summary>
    private void StartPinging(SipTransactionLayer layer)
    {
        var o = healthOptions.Value;
        var probe = new SipOptionsProbe(layer, time, new B2buaOptions().Product);
        var logger = loggers.CreateLogger<ProbeScheduler>();
        _pingers.Add(new ProbeScheduler(new GatewayProbeTargets(config), probe, gatewayHealth, o.MaxPingsPerSecond, time, logger));
        if (o.RoutingServerPingSeconds > 0)
        {
            _pingers.Add(new ProbeScheduler(
                new RoutingServerProbeTargets(redirectProfiles, TimeSpan.FromSeconds(o.RoutingServerPingSeconds)), probe, routingServerHealth.Pings, o.MaxPingsPerSecond, time, logger));
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    /// <summary>
    /// Stops once, however many callers: the host's stop and the container's disposal can overlap when the stop
    /// outlasts the host's shutdown timeout, and both then wait for the same shutdown.
    /// </summary>
    public ValueTask DisposeAsync()
    {
        var shutdown = new Lazy<Task>(ShutDownAsync);
        return new ValueTask((Interlocked.CompareExchange(ref _shutdown, shutdown, null) ?? shutdown).Value);
    }

    private async Task ShutDownAsync()
    {
        _pingers.ForEach(pinger => pinger.Dispose());
        _pingers.Clear();
        if (_transport is { } transport)
        {
            _transport = null;
            await transport.DisposeAsync();
        }

        _b2bua?.Dispose();
        _meters.ForEach(meter => meter.Dispose());
        _meters.Clear();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SIP switch listening on UDP and TCP {EndPoint} (advertised as {Advertised})")]
    private static partial void LogListening(ILogger logger, IPEndPoint endPoint, IPEndPoint advertised);

    [LoggerMessage(Level = LogLevel.Warning, Message = "RLIMIT_NOFILE allows {SoftLimit} descriptors: TCP is capped at {Capped} connections instead of the configured {Configured}")]
    private static partial void LogTcpCapLowered(ILogger logger, ulong softLimit, int capped, int configured);
}
