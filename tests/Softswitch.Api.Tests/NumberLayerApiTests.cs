using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Softswitch.Api.Tests.Infrastructure;
using Softswitch.Data;

namespace Softswitch.Api.Tests;

/// <summary>Issue 8 §3 through the API: number groups, black/white lists and their numbers, number settings, and the rules that use them.</summary>
public sealed class NumberLayerApiTests
{
    [Fact]
    public async Task A_list_is_created_filled_by_csv_exported_and_paged_in_ascending_order()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("t");
        var list = await tenant.Client.CreateAsync("/v1/number-lists", new { name = "Fraudsters", kind = "black", match = "caller" });

        using var imported = await ImportAsync(tenant.Client, list, "number,note\n+15550000003,x\n15550000001,\n\n0044207,y\n15550000001,again\n");
        var result = await imported.ReadObjectAsync();
        var export = await tenant.Client.GetStringAsync($"/v1/number-lists/{list}/numbers/export");
        var first = await (await tenant.Client.GetAsync($"/v1/number-lists/{list}/numbers?limit=2")).ReadObjectAsync();
        var second = await (await tenant.Client.GetAsync($"/v1/number-lists/{list}/numbers?limit=2&cursor={first["next_cursor"]}")).ReadObjectAsync();
        var settings = await (await tenant.Client.GetAsync($"/v1/number-lists/{list}")).ReadObjectAsync();

        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal((3, 3), (result["changed"]!.GetValue<int>(), result["number_count"]!.GetValue<int>()));
        Assert.Equal("number\n0044207\n15550000001\n15550000003\n", export);
        Assert.Equal(["0044207", "15550000001"], Numbers(first));
        Assert.True(first["has_more"]!.GetValue<bool>());
        Assert.Equal(["15550000003"], Numbers(second));
        Assert.False(second["has_more"]!.GetValue<bool>());
        Assert.Equal(("black", "caller", 403, 3), (settings["kind"]!.GetValue<string>(), settings["match"]!.GetValue<string>(),
            settings["refusal_status"]!.GetValue<int>(), settings["number_count"]!.GetValue<int>()));
    }

    [Fact]
    public async Task A_csv_with_one_bad_row_changes_nothing_and_names_the_row()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("t");
        var list = await tenant.Client.CreateAsync("/v1/number-lists", new { name = "L", kind = "white", match = "callee" });
        using var good = await ImportAsync(tenant.Client, list, "number\n111\n");

        using var bad = await ImportAsync(tenant.Client, list, "number\n222\n12a4\n1234567890123456789\n", "replace");
        using var headerless = await ImportAsync(tenant.Client, list, "222\n");

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.ReadObjectAsync())["errors"]!.AsObject();
        Assert.Equal(["row 3", "row 4"], errors.Select(e => e.Key).Order());
        Assert.Equal(HttpStatusCode.BadRequest, headerless.StatusCode);
        Assert.Equal("number\n111\n", await tenant.Client.GetStringAsync($"/v1/number-lists/{list}/numbers/export"));
    }

    [Fact]
    public async Task Replace_swaps_the_numbers_and_json_adds_and_removes_some()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("t");
        var list = await tenant.Client.CreateAsync("/v1/number-lists", new { name = "L", kind = "black", match = "callee" });
        using var first = await ImportAsync(tenant.Client, list, "number\n111\n222\n");

        using var replaced = await ImportAsync(tenant.Client, list, "number\n333\n", "replace");
        using var added = await tenant.Client.PostJsonAsync($"/v1/number-lists/{list}/numbers", new { numbers = new[] { "444", "+555" } });
        using var removed = await tenant.Client.PostJsonAsync($"/v1/number-lists/{list}/numbers/remove", new { numbers = new[] { "333", "999" } });
        using var invalid = await tenant.Client.PostJsonAsync($"/v1/number-lists/{list}/numbers", new { numbers = new[] { "12-34" } });

        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal(2, (await added.ReadObjectAsync())["changed"]!.GetValue<int>());
        Assert.Equal((1, 2), ((await removed.ReadObjectAsync())["changed"]!.GetValue<int>(), (await removed.ReadObjectAsync())["number_count"]!.GetValue<int>()));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.NotNull((await invalid.ReadObjectAsync())["errors"]!["numbers[0]"]);
        Assert.Equal("number\n444\n555\n", await tenant.Client.GetStringAsync($"/v1/number-lists/{list}/numbers/export"));
    }

    [Fact]
    public async Task The_tenants_numbers_stay_within_MaxNumbersPerTenant_over_all_its_lists()
    {
        await using var app = new TestApplication(new Dictionary<string, string?> { ["Softswitch:NumberLists:MaxNumbersPerTenant"] = "3" });
        using var tenant = await app.CreateTenantAsync("t");
        using var other = await app.CreateTenantAsync("o");
        var a = await tenant.Client.CreateAsync("/v1/number-lists", new { name = "A", kind = "black", match = "callee" });
        var b = await tenant.Client.CreateAsync("/v1/number-lists", new { name = "B", kind = "black", match = "callee" });
        var theirs = await other.Client.CreateAsync("/v1/number-lists", new { name = "A", kind = "black", match = "callee" });
        using var fits = await ImportAsync(tenant.Client, a, "number\n1\n2\n");

        using var tooLong = await ImportAsync(tenant.Client, b, "number\n3\n4\n");
        using var tooMany = await tenant.Client.PostJsonAsync($"/v1/number-lists/{b}/numbers", new { numbers = new[] { "3", "4" } });
        using var last = await tenant.Client.PostJsonAsync($"/v1/number-lists/{b}/numbers", new { numbers = new[] { "3" } });
        using var otherTenant = await ImportAsync(other.Client, theirs, "number\n1\n2\n3\n");

        Assert.Equal(HttpStatusCode.OK, fits.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLong.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooMany.StatusCode);
        Assert.Equal(HttpStatusCode.OK, last.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherTenant.StatusCode);
    }

    [Fact]
    public async Task Another_tenants_lists_and_groups_are_unknown_ids_everywhere()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("t");
        using var other = await app.CreateTenantAsync("o");
        var group = await tenant.Client.CreateAsync("/v1/number-groups", new { name = "G", prefixes = new[] { "44909" } });
        var list = await tenant.Client.CreateAsync("/v1/number-lists", new { name = "L", kind = "black", match = "caller" });
        var account = await other.Client.CreateAsync("/v1/accounts", new { name = "Acme", kind = "client", currency = "USD" });

        using var read = await other.Client.GetAsync($"/v1/number-lists/{list}/numbers/export");
        using var add = await other.Client.PostJsonAsync($"/v1/number-lists/{list}/numbers", new { numbers = new[] { "1" } });
        using var groupRead = await other.Client.GetAsync($"/v1/number-groups/{group}");
        using var listWithGroup = await other.Client.PostJsonAsync("/v1/number-lists", new { name = "Mine", kind = "black", match = "caller", number_group_ids = new[] { group } });
        using var trunk = await other.Client.PostJsonAsync("/v1/mapping-gateways", new
        {
            account_id = account, name = "pbx", source_addresses = new[] { "198.51.100.7" },
            number_screening = new { number_list_ids = new[] { list }, callee = new { forbidden_group_ids = new[] { group } } },
        });
        using var accountRule = await other.Client.PutJsonAsync($"/v1/accounts/{account}", new
        {
            name = "Acme", credit_limit = 0m, status = "active", destinations = new { allowed_group_ids = new[] { group } },
        });

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, add.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, groupRead.StatusCode);
        Assert.NotNull((await listWithGroup.ReadObjectAsync())["errors"]!["number_group_ids[0]"]);
        var trunkErrors = (await trunk.ReadObjectAsync())["errors"]!;
        Assert.NotNull(trunkErrors["number_screening.number_list_ids[0]"]);
        Assert.NotNull(trunkErrors["number_screening.callee.forbidden_group_ids[0]"]);
        Assert.NotNull((await accountRule.ReadObjectAsync())["errors"]!["destinations.allowed_group_ids[0]"]);
        Assert.Equal(0, (await (await tenant.Client.GetAsync($"/v1/number-lists/{list}")).ReadObjectAsync())["number_count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Gateways_and_accounts_store_their_number_rules_and_a_group_or_list_in_use_cannot_be_deleted()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("t");
        var group = await tenant.Client.CreateAsync("/v1/number-groups", new { name = "Premium UK", prefixes = new[] { "+44909", "44908" } });
        var list = await tenant.Client.CreateAsync("/v1/number-lists", new { name = "White", kind = "white", match = "callee", refusal_status = 404 });
        var account = await tenant.Client.CreateAsync("/v1/accounts", new
        {
            name = "Acme", kind = "client", currency = "USD", block_international = true, block_premium = true,
            destinations = new { forbidden_prefixes = new[] { "1900" }, forbidden_group_ids = new[] { group }, forbidden_classes = new[] { "satellite", "high_risk" } },
        });
        var vendorAccount = await tenant.Client.CreateAsync("/v1/accounts", new { name = "Carrier", kind = "vendor", currency = "USD" });
        var vendor = await tenant.Client.CreateAsync("/v1/routing-gateways", new
        {
            account_id = vendorAccount, name = "carrier", host = "192.0.2.10",
            number_screening = new { number_list_ids = new[] { list }, caller_min_length = 6, caller_max_length = 15, caller = new { allowed_prefixes = new[] { "1" }, refusal_status = 488 } },
        });

        var stored = await (await tenant.Client.GetAsync($"/v1/accounts/{account}")).ReadObjectAsync();
        var screening = (await (await tenant.Client.GetAsync($"/v1/routing-gateways/{vendor}")).ReadObjectAsync())["number_screening"]!;
        var storedGroup = await (await tenant.Client.GetAsync($"/v1/number-groups/{group}")).ReadObjectAsync();
        using var groupInUse = await tenant.Client.DeleteAsync($"/v1/number-groups/{group}");
        using var listInUse = await tenant.Client.DeleteAsync($"/v1/number-lists/{list}");
        using var badRule = await tenant.Client.PostJsonAsync("/v1/mapping-gateways", new
        {
            account_id = account, name = "pbx", source_addresses = new[] { "198.51.100.7" },
            number_screening = new { caller_min_length = 9, caller_max_length = 3, callee = new { forbidden_prefixes = new[] { "44x" }, refusal_status = 200 } },
        });

        Assert.True(stored["block_international"]!.GetValue<bool>() && stored["block_premium"]!.GetValue<bool>());
        Assert.Equal(["satellite", "high_risk"], stored["destinations"]!["forbidden_classes"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal(["44909", "44908"], storedGroup["prefixes"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Equal((6, 488), (screening["caller_min_length"]!.GetValue<int>(), screening["caller"]!["refusal_status"]!.GetValue<int>()));
        Assert.Equal(HttpStatusCode.Conflict, groupInUse.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, listInUse.StatusCode);
        var errors = (await badRule.ReadObjectAsync())["errors"]!.AsObject().Select(e => e.Key).ToList();
        Assert.Contains("number_screening.caller_max_length", errors);
        Assert.Contains("number_screening.callee.forbidden_prefixes[0]", errors);
        Assert.Contains("number_screening.callee.refusal_status", errors);
    }

    [Fact]
    public async Task Deleting_an_unassigned_list_deletes_its_numbers()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("t");
        var list = await tenant.Client.CreateAsync("/v1/number-lists", new { name = "L", kind = "black", match = "caller" });
        using (await tenant.Client.PostJsonAsync($"/v1/number-lists/{list}/numbers", new { numbers = new[] { "15550001111" } }))
        {
        }

        using var deleted = await tenant.Client.DeleteAsync($"/v1/number-lists/{list}");
        using var gone = await tenant.Client.GetAsync($"/v1/number-lists/{list}/numbers");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        var options = app.Services.GetRequiredService<DbContextOptions<SoftswitchDbContext>>();
        await using var db = new SoftswitchDbContext(options, FixedTenantContext.None, TimeProvider.System);
        Assert.Equal(0, await db.NumberListContents.IgnoreQueryFilters().CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Number_settings_start_at_the_defaults_and_are_the_tenants_own()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("t");
        using var other = await app.CreateTenantAsync("o");

        var defaults = await (await tenant.Client.GetAsync("/v1/number-settings")).ReadObjectAsync();
        using var set = await tenant.Client.PutJsonAsync("/v1/number-settings", new { home_country = "gb", high_risk_prefixes = new[] { "+252", "881" } });
        using var unknown = await tenant.Client.PutJsonAsync("/v1/number-settings", new { home_country = "XX" });
        var mine = await (await tenant.Client.GetAsync("/v1/number-settings")).ReadObjectAsync();
        var theirs = await (await other.Client.GetAsync("/v1/number-settings")).ReadObjectAsync();

        Assert.Null(defaults["home_country"]);
        Assert.Contains("252", defaults["high_risk_prefixes"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("GB", mine["home_country"]!.GetValue<string>());
        Assert.Equal(["252", "881"], mine["high_risk_prefixes"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Null(theirs["home_country"]);
    }

    private static Task<HttpResponseMessage> ImportAsync(HttpClient client, string list, string csv, string mode = "append") =>
        client.PostAsync($"/v1/number-lists/{list}/numbers/import?mode={mode}", new StringContent(csv, Encoding.UTF8, "text/csv"));

    private static IEnumerable<string> Numbers(JsonObject page) =>
        page["data"]!.AsArray().Select(n => n!["number"]!.GetValue<string>());
}
