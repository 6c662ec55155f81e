using Softswitch.Domain;
using Softswitch.Switch.Config;
using Softswitch.Switch.Tests.Builders;

namespace Softswitch.Switch.Tests.Config;

/// <summary>A rebuild takes over the account and phone entries of rows it is given again, and makes the changed rows' entries anew.</summary>
public sealed class SnapshotRebuildTests
{
    [Fact]
    public void A_rebuild_reuses_the_entries_of_unchanged_rows_and_builds_changed_ones()
    {
        var rows = new ConfigRows().Tenant("t").Account("t", "kept").Account("t", "changed").Account("t", "closing").Build();
        var first = SwitchConfigSnapshot.Create(1, rows);
        var changed = Copy(rows.Accounts.Single(a => a.Id == "changed"));
        changed.MaxConcurrentCalls = 7;
        var closing = Copy(rows.Accounts.Single(a => a.Id == "closing"));
        closing.Status = AccountStatus.Closed;
        var added = Copy(rows.Accounts.Single(a => a.Id == "kept"));
        added.Id = "added";

        var second = SwitchConfigSnapshot.Create(
            2, rows with { Accounts = [rows.Accounts.Single(a => a.Id == "kept"), changed, closing, added] }, first);

        var before = first.Tenants["t"].Accounts;
        var after = second.Tenants["t"].Accounts;
        Assert.Same(before["kept"], after["kept"]);
        Assert.NotSame(before["changed"], after["changed"]);
        Assert.Equal(7, after["changed"].MaxConcurrentCalls);
        Assert.False(after.ContainsKey("closing"));
        Assert.Equal("added", after["added"].Id);
    }

    [Fact]
    public void A_row_left_out_of_one_build_is_built_again_when_it_returns()
    {
        var rows = new ConfigRows().Tenant("t").Account("t", "a").Build();
        var first = SwitchConfigSnapshot.Create(1, rows);
        var without = SwitchConfigSnapshot.Create(2, rows with { Accounts = [] }, first);

        var back = SwitchConfigSnapshot.Create(3, rows, without);

        Assert.NotSame(first.Tenants["t"].Accounts["a"], back.Tenants["t"].Accounts["a"]);
        Assert.Equal("a", back.Tenants["t"].Accounts["a"].Id);
    }

    [Fact]
    public void A_rebuild_reuses_the_entries_of_unchanged_phone_rows_and_makes_changed_ones()
    {
        var rows = new ConfigRows().Tenant("t").Account("t", "a").Phone("t", "a", "kept", "1001").Phone("t", "a", "changed", "1002").Build();
        var first = SwitchConfigSnapshot.Create(1, rows);
        var original = rows.Phones.Single(p => p.Id == "changed");
        var changed = new Phone
        {
            Id = original.Id, TenantId = original.TenantId, AccountId = original.AccountId, Username = original.Username,
            Ha1Md5 = original.Ha1Md5, Ha1Sha256 = original.Ha1Sha256, Status = original.Status, MaxIncomingCalls = 2,
        };

        var second = SwitchConfigSnapshot.Create(2, rows with { Phones = [rows.Phones.Single(p => p.Id == "kept"), changed] }, first);

        var domain = first.Tenants["t"].SipDomain;
        Assert.Same(first.FindPhone(domain, "1001"), second.FindPhone(domain, "1001"));
        Assert.NotSame(first.FindPhone(domain, "1002"), second.FindPhone(domain, "1002"));
        Assert.Equal(2, second.FindPhone(domain, "1002")!.MaxIncomingCalls);
    }

    private static Account Copy(Account row) => new()
    {
        Id = row.Id,
        TenantId = row.TenantId,
        Name = row.Name,
        Kind = row.Kind,
        Status = row.Status,
        Currency = row.Currency,
        AccessIps = [.. row.AccessIps],
    };
}
