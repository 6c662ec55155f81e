using Softswitch.Media.Config;
using Softswitch.Switch.Tests.Builders;

namespace Softswitch.Switch.Tests.Config;

public sealed class LastGoodConfigFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("softswitch-last-good-").FullName;

    [Fact]
    public async Task Rows_written_are_read_back_whole_into_the_same_snapshot_and_only_the_owner_may_read_the_file()
    {
        var rows = new ConfigRows().Tenant("t", "t.example.net").Account("t", "c").Account("t", "v")
            .Phone("t", "c", "p", "1001").Mapping("t", "c", "m", ["198.51.100.0/24"], techPrefix: "77")
            .Routing("t", "v", "g", strip: 2, add: "00").DefaultRouteToAll("t").Build();
        var file = new LastGoodConfigFile(Path.Combine(_directory, "switch-config.json"));
        var builtAt = new DateTimeOffset(2026, 12, 1, 10, 30, 0, TimeSpan.Zero);

        await file.WriteAsync(new LastGoodConfig(builtAt, rows), TestContext.Current.CancellationToken);
        var read = await file.ReadAsync(TestContext.Current.CancellationToken);

        Assert.NotNull(read);
        Assert.Equal(builtAt, read.BuiltAt);
        var snapshot = Softswitch.Switch.Config.SwitchConfigSnapshot.Create(1, read.Rows);
        Assert.Equal("md5-p", snapshot.FindPhone("t.example.net", "1001")?.Ha1Md5);
        Assert.Equal("0020", snapshot.FindRoute("t", "4420")!.Gateways[0].RewriteCallee("4420"));
        Assert.Equal(["switch-config.json"], Directory.GetFiles(_directory).Select(Path.GetFileName));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file.Path));
        }
    }

    [Fact]
    public async Task Number_rules_of_gateways_and_accounts_survive_the_file_for_a_database_down_start()
    {
        var rows = new ConfigRows().Tenant("t").Account("t", "c").Account("t", "v").Mapping("t", "c", "m", ["198.51.100.7"])
            .Routing("t", "v", "g").DefaultRouteToAll("t").Build();
        rows.MappingGateways[0].NumberScreening = new Domain.NumberScreening { NumberListIds = ["nbl_1"], CallerMinLength = 6 };
        rows.RoutingGateways[0].NumberScreening.Callee.ForbiddenPrefixes = ["1900"];
        rows.Accounts[0].Destinations = new Domain.NumberRule { ForbiddenClasses = [Domain.NumberClass.Satellite], RefusalStatus = 488 };
        rows.Accounts[0].BlockPremium = true;
        var file = new LastGoodConfigFile(Path.Combine(_directory, "switch-config.json"));

        await file.WriteAsync(new LastGoodConfig(DateTimeOffset.UnixEpoch, rows), TestContext.Current.CancellationToken);
        var snapshot = Softswitch.Switch.Config.SwitchConfigSnapshot.Create(1, (await file.ReadAsync(TestContext.Current.CancellationToken))!.Rows);

        var tenant = snapshot.Tenants["t"];
        Assert.Equal(["nbl_1"], tenant.MappingGateways["m"].Screening.NumberListIds);
        Assert.True(tenant.RoutingGateways["g"].Screening.HasRules);
        var destinations = tenant.Accounts["c"].Destinations;
        Assert.Equal(
            (Softswitch.Switch.Numbers.NumberClasses.Satellite | Softswitch.Switch.Numbers.NumberClasses.PremiumRate, 488),
            (destinations.ForbiddenClasses, destinations.RefusalStatus));
    }

    [Fact]
    public async Task No_file_reads_as_null_and_a_torn_or_foreign_file_is_refused()
    {
        var file = new LastGoodConfigFile(Path.Combine(_directory, "switch-config.json"));
        var none = await file.ReadAsync(TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(file.Path, "{\"format\":1,\"built_at\":\"2026-12-01T10:30:00Z\",\"rows\":{\"tena", TestContext.Current.CancellationToken);
        var torn = await Record.ExceptionAsync(() => file.ReadAsync(TestContext.Current.CancellationToken));
        await File.WriteAllTextAsync(file.Path, "{\"format\":99}", TestContext.Current.CancellationToken);
        var foreign = await Record.ExceptionAsync(() => file.ReadAsync(TestContext.Current.CancellationToken));

        Assert.Null(none);
        Assert.IsType<InvalidDataException>(torn);
        Assert.IsType<InvalidDataException>(foreign);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
