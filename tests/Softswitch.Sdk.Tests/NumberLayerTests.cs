using System.Net;
using Softswitch.Sdk.Tests.Infrastructure;

namespace Softswitch.Sdk.Tests;

/// <summary>The number layer through the SDK: number groups, black and white lists with their numbers, number settings.</summary>
public sealed class NumberLayerTests
{
    [Fact]
    public async Task A_number_group_and_a_number_list_round_trip()
    {
        await using var app = new SdkTestApplication();
        var (_, key) = await app.CreateTenantAsync("Lists");
        var (_, otherKey) = await app.CreateTenantAsync("Other");
        using var client = app.Sdk(key);
        using var other = app.Sdk(otherKey);

        var group = await client.NumberGroups.CreateAsync(new NumberGroupOptions { Name = "Satellite", Prefixes = ["8816", "8817"] });
        var regrouped = await client.NumberGroups.UpdateAsync(group.Id, new NumberGroupOptions { Name = "Satellite", Prefixes = ["8816", "8817", "88213"] });
        var groupRead = await client.NumberGroups.GetAsync(group.Id);
        var list = await client.NumberLists.CreateAsync(new NumberListOptions
        {
            Name = "Fraudsters", Kind = NumberListKind.Black, Match = NumberSide.Caller, NumberGroupIds = [group.Id],
        });
        var white = await client.NumberLists.CreateAsync(new NumberListOptions { Name = "VIP", Kind = NumberListKind.White, Match = NumberSide.Callee });
        var read = await client.NumberLists.GetAsync(list.Id);
        var blackLists = await client.NumberLists.ListAsync(new NumberListListOptions { Kind = NumberListKind.Black });
        var replaced = await client.NumberLists.UpdateAsync(list.Id, new NumberListOptions
        {
            Name = "Fraudsters", Kind = NumberListKind.Black, Match = NumberSide.Caller, RefusalStatus = 603,
        });
        var hidden = await Assert.ThrowsAsync<SoftswitchApiException>(() => other.NumberLists.GetAsync(list.Id));
        await client.NumberLists.DeleteAsync(white.Id);
        await client.NumberLists.DeleteAsync(list.Id);
        await client.NumberGroups.DeleteAsync(group.Id);

        Assert.Equal(["8816", "8817", "88213"], regrouped.Prefixes);
        Assert.Equal(regrouped.Version, groupRead.Version);
        Assert.Equal([group.Id], read.NumberGroupIds);
        Assert.Equal((403, 0), (read.RefusalStatus, read.NumberCount));
        Assert.Equal(list.Id, Assert.Single(blackLists.Data).Id);
        Assert.Equal(603, replaced.RefusalStatus);
        Assert.Empty(replaced.NumberGroupIds);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Empty((await client.NumberLists.ListAsync()).Data);
        Assert.Empty((await client.NumberGroups.ListAsync()).Data);
    }

    [Fact]
    public async Task A_lists_numbers_are_added_paged_removed_imported_and_exported()
    {
        await using var app = new SdkTestApplication();
        var (_, key) = await app.CreateTenantAsync("Numbers");
        using var client = app.Sdk(key);
        var list = await client.NumberLists.CreateAsync(new NumberListOptions { Name = "Block", Kind = NumberListKind.Black, Match = NumberSide.Callee });

        var added = await client.NumberLists.AddNumbersAsync(list.Id, new NumbersOptions { Numbers = ["4420700003", "+4420700001", "4420700002", "15550001"] });
        var uk = await client.NumberLists.ListNumbersAutoPagingAsync(list.Id, new ListedNumberListOptions { StartsWith = "44", Limit = 2 }).ToListAsync();
        var removed = await client.NumberLists.RemoveNumbersAsync(list.Id, new NumbersOptions { Numbers = ["15550001"] });
        var imported = await client.NumberLists.ImportNumbersAsync(list.Id, "number\n33140000001\n33140000002\n", replace: true);
        var exported = await client.NumberLists.ExportNumbersAsync(list.Id);
        var appended = await client.NumberLists.ImportNumbersAsync(list.Id, exported.Replace("33140000002", "33140000003", StringComparison.Ordinal));

        Assert.Equal((4, 4), (added.Changed, added.NumberCount));
        Assert.Equal(["4420700001", "4420700002", "4420700003"], uk.Select(n => n.Number));
        Assert.Equal((1, 3), (removed.Changed, removed.NumberCount));
        Assert.Equal(2, imported.NumberCount);
        Assert.Equal("number\n33140000001\n33140000002\n", exported);
        Assert.Equal((1, 3), (appended.Changed, appended.NumberCount));
        Assert.Equal(3, (await client.NumberLists.GetAsync(list.Id)).NumberCount);
    }

    [Fact]
    public async Task Number_settings_are_read_and_replaced()
    {
        await using var app = new SdkTestApplication();
        var (_, key) = await app.CreateTenantAsync("Settings");
        using var client = app.Sdk(key);

        var defaults = await client.NumberSettings.GetAsync();
        var set = await client.NumberSettings.UpdateAsync(new NumberSettingsOptions { HomeCountry = "gb", HighRiskPrefixes = ["882", "883"] });
        var read = await client.NumberSettings.GetAsync();
        var invalid = await Assert.ThrowsAsync<SoftswitchApiException>(() => client.NumberSettings.UpdateAsync(new NumberSettingsOptions { HomeCountry = "XX" }));

        Assert.Null(defaults.HomeCountry);
        Assert.NotEmpty(defaults.HighRiskPrefixes);
        Assert.Equal("GB", set.HomeCountry);
        Assert.Equal(["882", "883"], set.HighRiskPrefixes);
        Assert.Equal(set.Version, read.Version);
        Assert.Contains("home_country", invalid.Errors.Keys);
    }
}
