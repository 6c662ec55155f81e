using System.Net;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Transport;
using Softswitch.Switch.Config;
using Softswitch.Switch.Fraud;
using Softswitch.Switch.Tests.Builders;

namespace Softswitch.Switch.Tests.Fraud;

/// <summary>A <see cref="SignallingGuard"/> on a fake clock, with small thresholds, recording what it raises.</summary>
internal sealed class GuardRig : ISecurityEventSink, ISwitchConfigSource
{
    public const string Domain = "t1.example.net";

    public GuardRig(Action<SignallingGuardOptions>? configure = null)
    {
        Options = new SignallingGuardOptions
        {
            FloodRequests = 5,
            FloodWindowSeconds = 2,
            BanSeconds = 60,
            MaxBanSeconds = 200,
            RepeatOffenceSeconds = 3_600,
            SweepDistinctUsers = 3,
            SweepWindowSeconds = 10,
            AuthFailuresPerAddress = 4,
            AuthFailureWindowSeconds = 30,
            PhoneAuthFailures = 3,
            PhoneAuthFailureWindowSeconds = 600,
            TrustedThresholdMultiplier = 10,
            TrustedAddresses = "10.0.0.0/8",
            MaxTrackedSources = 1_000,
            MaxBans = 1_000,
        };
        configure?.Invoke(Options);
        Current = new ConfigRows().Tenant("ten_1", Domain).Account("ten_1", "acc_1").Phone("ten_1", "acc_1", "phn_1", "1001").Snapshot();
        Guard = new SignallingGuard(Options, this, this, Clock);
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero));

    public SignallingGuardOptions Options { get; }

    public SignallingGuard Guard { get; }

    public List<SecurityEvent> Events { get; } = [];

    public SwitchConfigSnapshot Current { get; set; }

    public void Raise(SecurityEvent securityEvent) => Events.Add(securityEvent);

    public static IPAddress Ip(string text) => IPAddress.Parse(text);

    /// <summary>Admits <paramref name="count"/> packets from <paramref name="source"/> and answers how many got through.</summary>
    public int Send(IPAddress source, int count)
    {
        var admitted = 0;
        for (var i = 0; i < count; i++)
        {
            admitted += Guard.Admit(source) ? 1 : 0;
        }

        return admitted;
    }

    public static SipRequest Request(string method, string toUser, IPAddress source, string? userAgent = null, string? fromDisplay = null)
    {
        var to = SipUri.Parse($"sip:{toUser}@{Domain}");
        var from = new SipNameAddress { DisplayName = fromDisplay, Uri = SipUri.Parse($"sip:{toUser}@{Domain}") }.WithTag(SipIdentifiers.NewTag());
        var request = SipRequest.Create(method, to, from, new SipNameAddress { Uri = to }, SipIdentifiers.NewCallId("guard"), 1);
        if (userAgent is not null)
        {
            request.Headers.Add(SipHeaderKind.UserAgent, userAgent);
        }

        request.Source = SipEndPoint.Udp(new IPEndPoint(source, 5060));
        return request;
    }
}
