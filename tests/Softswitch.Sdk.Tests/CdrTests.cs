using Softswitch.Sdk.Tests.Infrastructure;

namespace Softswitch.Sdk.Tests;

/// <summary><c>CdrCorrections</c> and the CDR export through the SDK.</summary>
public sealed class CdrTests
{
    [Fact]
    public async Task A_cdr_correction_is_posted_listed_and_moves_the_balance()
    {
        await using var app = new SdkTestApplication();
        var (tenantId, key) = await app.CreateTenantAsync("Corrections");
        using var client = app.Sdk(key);
        var account = await client.Accounts.CreateAsync(new AccountCreateOptions { Name = "Acme", Kind = AccountKind.Client, Currency = "USD", Balance = 10m });
        var cdr = await SwitchRecords.InsertAnsweredCdrAsync(app, tenantId, account.Id, null, "44201234", SwitchRecords.Noon, 1.20m);

        var correction = await client.CdrCorrections.CreateAsync(cdr, new CdrCorrectionOptions { Charge = 0.50m, Reason = "Disputed: poor quality" });
        var listed = await client.CdrCorrections.ListAsync(cdr);
        var paged = await client.CdrCorrections.ListAutoPagingAsync(cdr).ToListAsync();
        var entry = await client.Transactions.GetAsync(account.Id, correction.LedgerEntryId!);

        Assert.Equal((1.20m, 0.50m, "Disputed: poor quality"), (correction.OldCharge, correction.NewCharge, correction.Reason));
        Assert.Equal(correction.Id, Assert.Single(listed.Data).Id);
        Assert.Equal(correction.Id, Assert.Single(paged).Id);
        Assert.Equal((LedgerEntryKind.CdrCorrection, 0.70m, cdr), (entry.Kind, entry.Amount, entry.Reference));
        Assert.Equal(0.50m, (await client.Cdrs.GetAsync(cdr)).Charge);
    }

    [Fact]
    public async Task The_export_streams_the_filtered_cdrs_as_csv()
    {
        await using var app = new SdkTestApplication();
        var (tenantId, key) = await app.CreateTenantAsync("Export");
        using var client = app.Sdk(key);
        var account = await client.Accounts.CreateAsync(new AccountCreateOptions { Name = "Acme", Kind = AccountKind.Client, Currency = "USD" });
        var first = await SwitchRecords.InsertAnsweredCdrAsync(app, tenantId, account.Id, null, "44201234", SwitchRecords.Noon, 1m);
        var second = await SwitchRecords.InsertAnsweredCdrAsync(app, tenantId, account.Id, null, "33123456", SwitchRecords.Noon.AddMinutes(5), 2m);

        await using var export = await client.Cdrs.ExportCsvAsync(new CdrListOptions { AccountId = account.Id, Callee = "44", Limit = 1 });
        var lines = (await new StreamReader(export).ReadToEndAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var refused = await Assert.ThrowsAsync<SoftswitchApiException>(() => client.Cdrs.ExportCsvAsync(new CdrListOptions { FinalCode = 42 }));

        Assert.Equal(2, lines.Length);
        Assert.StartsWith("id,", lines[0], StringComparison.Ordinal);
        Assert.StartsWith(first + ",", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain(second, lines[1], StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("final_code", refused.Errors.Keys);
    }
}
