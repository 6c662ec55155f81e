using System.Diagnostics;
using Softswitch.Data;
using Softswitch.Domain;
using Softswitch.Worker.Alarms;

namespace Softswitch.Api.Tests.Alarms;

/// <summary>Issue 9 §8: a busy hour of CDRs, the per-run firing cap and the cursor that carries the rest to the next run.</summary>
public sealed class AlarmEvaluationScaleTests
{
    private const int Calls = 20_000;
    private const int LongCalls = 150;

    [Fact]
    public async Task A_busy_hour_is_read_once_and_firings_past_the_cap_wait_for_the_next_run()
    {
        await using var rig = await AlarmRig.StartAsync();
        await rig.RuleAsync(new { name = "Long calls", kind = "long_call", threshold = 3600, suppression_minutes = 0 });
        await rig.RuleAsync(new { name = "New countries", kind = "new_country" });
        await rig.RuleAsync(new { name = "Account ASR", kind = "low_asr", threshold = 50, account_id = rig.Account, window_minutes = 60, minimum_calls = 10 });
        await rig.RuleAsync(new { name = "Spikes", kind = "traffic_spike", threshold = 3, minimum_calls = 100 });
        var (hour, _) = AlarmWindows.LastComplete(rig.Now, 60);
        await rig.InDatabaseAsync(async db =>
        {
            for (var i = 0; i < Calls; i++)
            {
                var setup = hour.AddMilliseconds(i * 3_600_000.0 / Calls);
                var longCall = i % (Calls / LongCalls) == 0 && i / (Calls / LongCalls) < LongCalls;
                db.Cdrs.Add(new Cdr
                {
                    CallId = $"scale-{i}", AccountId = rig.Account, CallerReceived = "15550001", CalleeReceived = i % 2 == 0 ? "442071234567" : "33142685300",
                    SetupAt = setup, AnswerAt = i % 4 == 0 ? setup : null, EndAt = setup.AddSeconds(1), DurationMilliseconds = longCall ? 7_200_000 : i % 4 == 0 ? 30_000 : 0,
                    FinalCode = i % 4 == 0 ? 200 : 486, Q850Cause = 16, HangupSide = HangupSide.Caller,
                });
            }

            return await db.SaveChangesAsync(AlarmRig.Ct);
        });

        var watch = Stopwatch.StartNew();
        var first = await rig.EvaluateAsync();
        var firstRun = watch.Elapsed;
        var second = await rig.EvaluateAsync();
        var third = await rig.EvaluateAsync();
        TestContext.Current.SendDiagnosticMessage($"First evaluation over {Calls} CDRs with 4 rules: {firstRun.TotalMilliseconds:0} ms");

        // Run 1: 100 long calls (the cap), low ASR (25 %), a spike (no history) and France (the first country, GB, only teaches);
        // run 2: the 50 long calls left; run 3: nothing.
        Assert.Equal((AlarmRecorder.MaxFiringsPerRun + 3, LongCalls - AlarmRecorder.MaxFiringsPerRun, 0), (first, second, third));
        Assert.Equal(LongCalls, (await rig.AlarmsAsync("?kind=long_call&limit=500")).Count);
    }
}
