using System.Net;
using Softswitch.Domain;
using Softswitch.Domain.Fraud;
using Softswitch.Sip.Auth;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Transport;
using Softswitch.Switch.Config;

namespace Softswitch.Switch.Fraud;

/// <summary>
/// The signalling layer of anti-fraud (platform-wide, ahead of any tenant): floods, scanners, sweeps and digest
/// failures get a source banned, and a banned source gets no answer at all (the transport drops its packets before
/// parsing). Trusted sources are counted against thresholds <see cref="SignallingGuardOptions.TrustedThresholdMultiplier"/>
/// times higher and raise an alert instead. Every decision is raised as a <see cref="SecurityEvent"/>.
/// </summary>
public sealed class SignallingGuard : ISipSourceGate, IDigestGuard
{
    private readonly ISecurityEventSink _events;
    private readonly TimeProvider _time;
    private readonly BanTable _bans;
    private readonly SourceActivityTable _activity;
    private readonly PhoneLockouts _phones;
    private readonly ISwitchConfigSource _config;
    private volatile GuardRules _rules;
    private volatile TrustedSources _trusted;
    private IReadOnlyList<TrustedBlock> _tenantTrusted = [];

    /// <param name="honeypot">Where the numbers scanners dial are kept; by default in memory only, with the default bounds.</param>
    public SignallingGuard(
        SignallingGuardOptions options, ISwitchConfigSource config, ISecurityEventSink events, TimeProvider time, ScannerHoneypot? honeypot = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Honeypot = honeypot ?? new ScannerHoneypot(time, new ScannerDestinationOptions());
        _config = config;
        _events = events;
        _time = time;
        _rules = new GuardRules(options);
        _bans = new BanTable(options.MaxBans, BanLengths.From(options));
        _activity = new SourceActivityTable(options.MaxTrackedSources);
        _phones = new PhoneLockouts(config);
        _trusted = new TrustedSources(_rules.PlatformTrusted, []);
    }

    public SignallingGuardCounters Counters { get; } = new();

    /// <summary>The numbers the INVITEs of sources banned as scanners were for (the scanner honeypot).</summary>
    public ScannerHoneypot Honeypot { get; }

    /// <summary>Sources whose counts are held now (bounded by <see cref="SignallingGuardOptions.MaxTrackedSources"/>).</summary>
    public int TrackedSources => _activity.Count;

    public long EvictedSources => _activity.Evicted;

    public int ActiveBans => _bans.ActiveCount(_time.GetUtcNow());

    public bool IsBanned(IPAddress source) => _bans.IsBanned(source, _time.GetUtcNow());

    public Ban? FindBan(IPAddress source) => _bans.Find(source);

    /// <inheritdoc />
    public bool Admit(IPAddress source)
    {
        var now = _time.GetUtcNow();
        if (_bans.IsBanned(source, now))
        {
            return false;
        }

        var count = _activity.CountRequest(source, now, _rules.Options.FloodWindow);
        return !Crossed(source, SecurityRules.Flood, count, new Levels(_rules.Options.FloodWarningRequests, _rules.Options.FloodRequests), _rules.Options.FloodWindow, null, now);
    }

    /// <inheritdoc />
    public bool Inspect(SipRequest request, IPAddress source)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = _time.GetUtcNow();
        if (_rules.Scanners.Match(request) is { } evidence)
        {
            // A scanner needs no count: its first request gives it away. A trusted one is reported once per window.
            var hits = _activity.CountScannerHit(source, now, _rules.Options.FloodWindow);
            var banned = Crossed(source, SecurityRules.Scanner, hits, new Levels(0, 0), _rules.Options.FloodWindow, evidence, now);
            if (banned && request.Method == SipMethods.Invite && request.Uri.User is { } callee)
            {
                Honeypot.Record(callee, source, now);
            }

            return !banned;
        }

        if (request.Method is SipMethods.Register or SipMethods.Options && request.To.Tag is null)
        {
            // svwar names each extension in To (REGISTER) or the Request-URI and To (OPTIONS).
            var user = request.Method == SipMethods.Register ? request.To.Uri.User : request.Uri.User ?? request.To.Uri.User;
            if (user is not null)
            {
                var distinct = _activity.CountUser(source, user, now, _rules.Options.SweepWindow, _rules.Options.SweepDistinctUsers * _rules.Options.TrustedThresholdMultiplier);
                return !Crossed(source, SecurityRules.Sweep, distinct, new Levels(_rules.Options.SweepWarningUsers, _rules.Options.SweepDistinctUsers), _rules.Options.SweepWindow, request.Method, now);
            }
        }

        return true;
    }

    /// <inheritdoc />
    public bool IsLocked(string realm, string username) => _phones.IsSuspended(realm, username);

    /// <inheritdoc />
    public void OnVerified(SipRequest request, string realm, string? username, DigestVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Source is not { } from || username is null)
        {
            return;
        }

        if (verdict == DigestVerdict.Valid)
        {
            _phones.Succeeded(realm, username);
            return;
        }

        if (verdict is not (DigestVerdict.Invalid or DigestVerdict.InvalidAgain or DigestVerdict.UnknownUser))
        {
            return;
        }

        var source = from.EndPoint.Address;
        var now = _time.GetUtcNow();
        var evidence = $"{request.Method} {username}@{realm}";
        var failures = _activity.CountAuthFailure(source, now, _rules.Options.AuthFailureWindow);
        Crossed(source, SecurityRules.AuthFailures, failures, new Levels(_rules.Options.AuthFailuresWarning, _rules.Options.AuthFailuresPerAddress), _rules.Options.AuthFailureWindow, evidence, now);
        if (_phones.CountFailure(realm, username, now, _rules.Options.PhoneAuthFailureWindow) is { } phone)
        {
            CountPhoneFailure(source, realm, phone.Phone, phone.Failures, evidence, now);
        }
    }

    /// <summary>Applies the control plane's latest word: imported bans hold, lifted bans go at once, trusted lists are replaced.</summary>
    public void Apply(SecurityDirectives directives)
    {
        ArgumentNullException.ThrowIfNull(directives);
        _tenantTrusted = directives.TenantTrusted;
        _trusted = new TrustedSources(_rules.PlatformTrusted, _tenantTrusted);
        foreach (var imported in directives.Imported ?? [])
        {
            _bans.Import(imported.Address, imported.Rule, imported.BannedAt, imported.ExpiresAt);
        }

        foreach (var lift in directives.Lifts)
        {
            if (_bans.Lift(lift.Address, lift.LiftedAt))
            {
                _activity.Forget(lift.Address);
                Counters.Lifted();
            }
        }
    }

    /// <summary>
    /// Takes the platform's rules as the API last set them (thresholds, windows, ban lengths, scanner patterns, the
    /// platform's trusted blocks, monitor-only rules). Counts and bans in force stay; the table sizes are fixed at start.
    /// </summary>
    public void Apply(SignallingGuardOptions rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (rules.FindProblems().FirstOrDefault() is { } problem)
        {
            throw new ArgumentException(problem, nameof(rules));
        }

        var next = new GuardRules(rules);
        _rules = next;
        _bans.Lengths = BanLengths.From(rules);
        _trusted = new TrustedSources(next.PlatformTrusted, _tenantTrusted);
    }

    /// <summary>The rules in force (as set at start or by the last <see cref="Apply(SignallingGuardOptions)"/>).</summary>
    public SignallingGuardOptions Rules => _rules.Options;

    private void CountPhoneFailure(IPAddress source, string realm, Config.PhoneEntry phone, int failures, string evidence, DateTimeOffset now)
    {
        var options = _rules.Options;
        var truster = failures > options.PhoneAuthFailuresWarning ? _trusted.FindTruster(source) : null;
        var multiplier = truster is null ? 1 : options.TrustedThresholdMultiplier;
        var limit = options.PhoneAuthFailures * multiplier;
        var warning = options.PhoneAuthFailuresWarning * multiplier;
        var raised = new SecurityEvent(now, SecurityRules.PhoneAuthFailures, SecurityAction.Alert, source, failures, limit, options.PhoneAuthFailureWindow, evidence)
        {
            TenantId = phone.TenantId,
            PhoneId = phone.Id,
        };
        if (warning > 0 && failures == warning + 1 && failures <= limit)
        {
            Counters.Warned();
            _events.Raise(raised with { Action = SecurityAction.Warn, Threshold = warning });
            return;
        }

        if (failures != limit + 1)
        {
            return;
        }

        if (truster is not null)
        {
            Counters.Alerted();
            _events.Raise(raised);
        }
        else if (_rules.IsMonitored(SecurityRules.PhoneAuthFailures))
        {
            Counters.Watched();
            _events.Raise(raised with { Action = SecurityAction.Monitor });
        }
        else if (_phones.Suspend(realm, phone))
        {
            Counters.Suspended();
            _events.Raise(raised with { Action = SecurityAction.Suspend });
        }
    }

    /// <summary>
    /// Decides on a count: at most <see cref="Levels.Blocking"/> passes, and crossing the warning level below it raises a
    /// <c>warn</c> event once a window; past it an untrusted source is banned (true), a trusted one is held to the
    /// higher threshold (both levels times the multiplier) and reported once, when it crosses it.
    /// </summary>
    private bool Crossed(IPAddress source, string rule, int count, Levels levels, TimeSpan window, string? evidence, DateTimeOffset now)
    {
        if (count <= levels.Warning)
        {
            return false;
        }

        var threshold = levels.Blocking;
        if (count <= threshold && levels.Warning == 0)
        {
            return false;
        }

        if (FindTruster(source, rule) is { } truster)
        {
            var multiplier = _rules.Options.TrustedThresholdMultiplier;
            var trustedThreshold = (long)threshold * multiplier;
            var trustedWarning = (long)levels.Warning * multiplier;
            var tenant = truster.Length == 0 ? null : truster;
            if (levels.Warning > 0 && count == trustedWarning + 1 && count <= trustedThreshold)
            {
                Warn(source, rule, count, trustedWarning, window, evidence, now, tenant);
            }
            else if (count == trustedThreshold + 1)
            {
                Counters.Alerted();
                _events.Raise(new SecurityEvent(now, rule, SecurityAction.Alert, source, count, ClampToInt(trustedThreshold), window, evidence)
                {
                    TenantId = tenant,
                });
            }

            return false;
        }

        if (count <= threshold)
        {
            if (count == levels.Warning + 1)
            {
                Warn(source, rule, count, levels.Warning, window, evidence, now, null);
            }

            return false;
        }

        if (_rules.IsMonitored(rule))
        {
            // Monitor-only: what the rule would have banned is reported once per window, and the source goes on.
            if (count == threshold + 1)
            {
                Counters.Watched();
                _events.Raise(new SecurityEvent(now, rule, SecurityAction.Monitor, source, count, threshold, window, evidence));
            }

            return false;
        }

        var ban = _bans.Add(source, rule, now);
        _activity.Forget(source);
        Counters.Banned();
        _events.Raise(new SecurityEvent(now, rule, SecurityAction.Ban, source, count, threshold, window, evidence)
        {
            BannedUntil = ban.ExpiresAt,
            Offence = ban.Offence,
        });
        return true;
    }

    private void Warn(IPAddress source, string rule, int count, long level, TimeSpan window, string? evidence, DateTimeOffset now, string? tenant)
    {
        Counters.Warned();
        _events.Raise(new SecurityEvent(now, rule, SecurityAction.Warn, source, count, ClampToInt(level), window, evidence) { TenantId = tenant });
    }

    private static int ClampToInt(long value) => (int)Math.Min(value, int.MaxValue);

    /// <summary>A rule's warning level (0: none) and the level past which it bans.</summary>
    private readonly record struct Levels(int Warning, int Blocking);

    /// <summary>
    /// Who vouches for <paramref name="source"/>: the platform ("") or a tenant through its trusted list; and for the
    /// flood rule also the tenant that provisioned it as a customer trunk or a vendor. A carrier's own trunk sends hundreds
    /// of requests a second from one address, and banning it for that is the complaint about Kamailio's pike that the
    /// trusted tier answers. Scanning, sweeping and guessing passwords are not what a trunk does, so from a trunk's address
    /// they still ban unless the address is on a trusted list.
    /// </summary>
    private string? FindTruster(IPAddress source, string rule) =>
        _trusted.FindTruster(source) ?? (rule == SecurityRules.Flood ? _config.Current.FindPeerTenant(source) : null);

    /// <summary>One consistent set of rules, swapped whole when the platform changes them.</summary>
    private sealed class GuardRules(SignallingGuardOptions options)
    {
        private readonly HashSet<string> _monitored = [.. options.MonitorRuleList];

        public SignallingGuardOptions Options { get; } = options;

        public ScannerSignatures Scanners { get; } = new(options.ScannerPatternList);

        public IReadOnlyList<CidrBlock> PlatformTrusted { get; } = options.TrustedBlocks;

        public bool IsMonitored(string rule) => _monitored.Count > 0 && _monitored.Contains(rule);
    }
}
