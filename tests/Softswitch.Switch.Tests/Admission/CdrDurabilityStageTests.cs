using Softswitch.Sip.Messages;
using Softswitch.Switch.Admission;
using Softswitch.Switch.Calls;
using Softswitch.Switch.Tests.Calls;

namespace Softswitch.Switch.Tests.Admission;

public sealed class CdrDurabilityStageTests
{
    private readonly AdmissionRig _rig = new();
    private readonly RecordingCdrSink _cdrs = new();

    [Fact]
    public async Task While_cdrs_cannot_be_made_durable_a_new_call_gets_503_with_retry_after_and_is_counted()
    {
        var stage = new CdrDurabilityStage(_cdrs, _rig.Options, _rig.Counters);
        var accepted = await stage.EvaluateAsync(_rig.Context());

        _cdrs.CanRecord = false;
        var refused = await stage.EvaluateAsync(_rig.Context());

        Assert.True(accepted.IsContinue);
        Assert.Equal(503, refused.Response!.StatusCode);
        Assert.Equal("cdr-durability", refused.RuleId);
        Assert.Equal(((int)_rig.Options.OverloadRetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture), refused.Response.Headers[SipHeaderKind.RetryAfter]);
        Assert.Contains("CDR storage unavailable", refused.Response.Headers[ReasonHeader.Name], StringComparison.Ordinal);
        Assert.Equal(1, _rig.Counters.CdrStorageUnavailableRefusals);
    }
}
