using System.Globalization;
using System.Text.RegularExpressions;

namespace Softswitch.Interop.Tests.Sipp;

/// <summary>The harness and the scenarios against each other: a SIPp UAC calling a SIPp UAS directly, no switch.</summary>
public sealed class SippHarnessTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(8);
    private static readonly SippAccount Alice = new("alice", "wonderland", "example.com");

    [Fact]
    public async Task Caller_hangs_up_an_answered_call()
    {
        var (caller, callee) = await CallAsync(
            Uas(SippScenario.UasAnswer),
            Uac(SippScenario.UacCallBye) with { Pause = TimeSpan.FromMilliseconds(200) });

        AssertOneSuccessfulCall(caller);
        AssertOneSuccessfulCall(callee);
    }

    [Fact]
    public async Task Callee_hangs_up_and_the_caller_answers_its_bye()
    {
        var (caller, callee) = await CallAsync(
            Uas(SippScenario.UasAnswerHangup) with { Pause = TimeSpan.FromMilliseconds(200) },
            Uac(SippScenario.UacCallWaitBye));

        AssertOneSuccessfulCall(caller);
        AssertOneSuccessfulCall(callee);
        Assert.Contains("BYE sip:15550001111@127.0.0.1", callee.Messages, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Caller_cancels_while_the_callee_rings()
    {
        var (caller, callee) = await CallAsync(
            Uas(SippScenario.UasRingNoAnswer),
            Uac(SippScenario.UacCancel) with { Pause = TimeSpan.FromMilliseconds(200) });

        AssertOneSuccessfulCall(caller);
        AssertOneSuccessfulCall(callee);
        Assert.Contains("SIP/2.0 487 Request Terminated", caller.Messages, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SippScenario.UasFail486, 486)]
    [InlineData(SippScenario.UasFail503, 503)]
    public async Task Refusal_reaches_the_caller_with_its_status(string refusal, int status)
    {
        var (caller, callee) = await CallAsync(Uas(refusal), Uac(SippScenario.UacExpectFailure) with { ExpectedStatus = status });

        AssertOneSuccessfulCall(caller);
        AssertOneSuccessfulCall(callee);
        Assert.Contains($"final status {status}", caller.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refusal_with_another_status_than_expected_fails_the_caller()
    {
        var (caller, _) = await CallAsync(Uas(SippScenario.UasFail503), Uac(SippScenario.UacExpectFailure) with { ExpectedStatus = 486 });

        Assert.Equal(1, caller.ExitCode);
        Assert.Equal(1, caller.Calls.Failed);
        Assert.Contains("status 503 is not the expected 486", caller.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_over_tcp()
    {
        var (caller, callee) = await CallAsync(
            Uas(SippScenario.UasAnswer) with { Transport = SippTransport.Tcp },
            Uac(SippScenario.UacCallBye) with { Transport = SippTransport.Tcp });

        AssertOneSuccessfulCall(caller);
        AssertOneSuccessfulCall(callee);
        Assert.Contains("SIP/2.0/TCP", callee.Messages, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Long_answering_callee_logs_how_long_the_call_lasted()
    {
        var (caller, callee) = await CallAsync(
            Uas(SippScenario.UasAnswerLong),
            Uac(SippScenario.UacCallBye) with { Pause = TimeSpan.FromMilliseconds(700) });

        AssertOneSuccessfulCall(caller);
        AssertOneSuccessfulCall(callee);
        var lasted = Regex.Match(callee.Log, @"answered call lasted ([0-9.]+) ms");
        Assert.True(lasted.Success, callee.ToString());
        Assert.InRange(double.Parse(lasted.Groups[1].Value, CultureInfo.InvariantCulture), 650, 3000);
    }

    [Fact]
    public async Task Phone_registers_then_calls_with_digest_credentials()
    {
        var (caller, callee) = await CallAsync(
            Uas(SippScenario.UasDigestRegistrar) with { Account = Alice },
            Uac(SippScenario.UacRegisterCall) with { Account = Alice });

        AssertOneSuccessfulCall(caller);
        AssertOneSuccessfulCall(callee);
        Assert.Contains("Proxy-Authorization: Digest username=\"alice\"", caller.Messages, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_password_gets_a_second_challenge_then_403()
    {
        var (caller, callee) = await CallAsync(
            Uas(SippScenario.UasDigestRegistrar) with { Account = Alice },
            Uac(SippScenario.UacRegisterWrongPassword) with { Account = Alice with { Password = "looking-glass" } });

        AssertOneSuccessfulCall(caller);
        AssertOneSuccessfulCall(callee);
        Assert.Contains("SIP/2.0 403 Forbidden", caller.Messages, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stopping_an_idle_callee_ends_it_without_calls()
    {
        await using var callee = await SippProcess.StartAsync(Uas(SippScenario.UasAnswer) with { Calls = 100 });

        var result = await callee.StopAsync();

        Assert.False(result.TimedOut, result.ToString());
        Assert.Equal(0, result.Calls.Created);
    }

    private static SippOptions Uas(string scenario) => new() { Scenario = scenario, Timeout = Timeout };

    private static SippOptions Uac(string scenario) => new() { Scenario = scenario, Timeout = Timeout };

    private static async Task<(SippResult Caller, SippResult Callee)> CallAsync(SippOptions callee, SippOptions caller)
    {
        await using var uas = await SippProcess.StartAsync(callee);
        await using var uac = await SippProcess.StartAsync(caller with { Remote = uas.SipEndPoint });
        return (await uac.WaitForExitAsync(), await uas.WaitForExitAsync());
    }

    private static void AssertOneSuccessfulCall(SippResult result)
    {
        Assert.True(result.AllCallsSucceeded, result.ToString());
        Assert.Equal(new SippCallCounts(1, 1, 0), result.Calls);
    }
}
