using Softswitch.Switch.Cdrs;

namespace Softswitch.Switch.Tests.Cdrs;

public sealed class Q850CauseTests
{
    // RFC 3398 §8.2.6.1, plus the documented choices for codes it leaves out.
    [Theory]
    [InlineData(200, 16)]
    [InlineData(404, 1)]
    [InlineData(403, 21)]
    [InlineData(408, 102)]
    [InlineData(480, 18)]
    [InlineData(486, 17)]
    [InlineData(484, 28)]
    [InlineData(487, 16)]
    [InlineData(502, 38)]
    [InlineData(503, 41)]
    [InlineData(504, 102)]
    [InlineData(600, 17)]
    [InlineData(603, 21)]
    [InlineData(604, 1)]
    [InlineData(499, 41)]
    public void Sip_status_maps_to_its_q850_cause(int status, int cause)
    {
        Assert.Equal(cause, Q850Cause.FromSipStatus(status));
    }
}
