using Softswitch.Sip.Transport;
using Xunit;

namespace Softswitch.Sip.Tests.Transport;

/// <summary>Changes the process's RLIMIT_NOFILE, so it runs with the other process-wide tests.</summary>
[Collection(ProcessWideStateCollection.Name)]
public sealed class DescriptorLimitTests
{
    [Theory]
    [InlineData(8_192, 1_048_576UL, 8_192)] // a container's limit: the configured cap stands
    [InlineData(8_192, 4_096UL, 3_072)] // a 4,096 limit: a quarter stays free
    [InlineData(8_192, 1_024UL, 768)] // systemd's default soft limit, when it cannot be raised: the minimum reserve
    [InlineData(8_192, 200UL, 1)] // a limit below the reserve: one connection, never EMFILE
    [InlineData(100, 20_000UL, 100)]
    public void The_tcp_cap_stays_the_reserve_below_the_soft_limit(int configured, ulong softLimit, int expected) =>
        Assert.Equal(expected, DescriptorLimit.TcpConnectionsWithin(configured, softLimit));

    [Fact]
    public void Raising_to_the_hard_limit_leaves_the_soft_limit_at_the_hard_one()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "RLIMIT_NOFILE is read through Linux's libc");
        var (_, hard) = DescriptorLimit.TryRead() ?? throw new InvalidOperationException("getrlimit failed.");
        // One below the hard limit, as a systemd unit's soft limit sits below its hard one.
        Assert.True(DescriptorLimit.TrySetSoft(hard - 1));

        var soft = DescriptorLimit.RaiseToHardLimit();

        Assert.Equal(hard, soft);
        Assert.Equal((hard, hard), DescriptorLimit.TryRead());
    }
}
