using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Api.RateDecks;
using Softswitch.Api.Tests.Infrastructure;

namespace Softswitch.Api.Tests;

public sealed class RateDeckImportTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 15, 10, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_50000_row_deck_is_imported_whole()
    {
        const int rows = 50_000;
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("t");
        var table = await CreateTableAsync(tenant.Client);
        var deck = new StringBuilder("prefix,description,price_per_minute,first_increment_seconds,next_increment_seconds,connect_fee,effective_from\n");
        for (var i = 0; i < rows; i++)
        {
            // Prefixes 1000000..1049999, quoted descriptions with commas, 6/6 billing: what a carrier deck looks like.
            deck.Append(CultureInfo.InvariantCulture,
                $"{1_000_000 + i},\"Destination {i}, zone {i % 7}\",{0.001m + i / 1_000_000m},6,6,0,2026-01-01T00:00:00Z\n");
        }

        var clock = Stopwatch.StartNew();
        using var response = await ImportAsync(tenant.Client, table, deck.ToString());
        clock.Stop();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.ReadObjectAsync();
        Assert.Equal(rows, result["imported"]!.GetValue<int>());
        Assert.Equal(0, result["replaced"]!.GetValue<int>());
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"Imported {rows:N0} rows ({deck.Length / 1024:N0} KiB) in {clock.ElapsedMilliseconds:N0} ms.");
        Assert.Equal(rows, await CountRatesAsync(tenant.Client, table));
        var last = await LookUpAsync(tenant.Client, table, "104999912345");
        Assert.Equal("1049999", last["prefix"]!.GetValue<string>());
        Assert.Equal("Destination 49999, zone 5", last["description"]!.GetValue<string>());
        Assert.Equal(0.050999m, last["price_per_minute"]!.GetValue<decimal>());
        Assert.Equal(6, last["next_increment_seconds"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_bad_row_is_reported_by_its_line_and_nothing_is_imported()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("t");
        var table = await CreateTableAsync(tenant.Client);
        const string deck = "prefix,price_per_minute\n44,0.01\n33,abc\n49,0.02\n";

        using var response = await ImportAsync(tenant.Client, table, deck);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.ReadObjectAsync())["errors"]!.AsObject();
        var message = Assert.Single(Assert.Single(errors, e => e.Key == "row 3").Value!.AsArray())!.GetValue<string>();
        Assert.Contains("price_per_minute", message, StringComparison.Ordinal);
        Assert.Contains("abc", message, StringComparison.Ordinal);
        Assert.Single(errors);
        Assert.Equal(0, await CountRatesAsync(tenant.Client, table));
    }

    [Fact]
    public async Task Every_faulty_field_is_reported_up_to_one_hundred()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("t");
        var table = await CreateTableAsync(tenant.Client);
        var deck = new StringBuilder("prefix,price_per_minute,first_increment_seconds,effective_from,effective_to\n");
        deck.Append("4x,-1,0,2026-13-01,2020-01-01\n");
        deck.Append("44,0.1234567,60,2026-02-01,2026-01-01\n");
        deck.Append("44,0.01\n");
        for (var i = 0; i < 200; i++)
        {
            deck.Append("33,,60,,\n");
        }

        using var response = await ImportAsync(tenant.Client, table, deck.ToString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadObjectAsync();
        var errors = problem["errors"]!.AsObject();
        Assert.Equal(4, errors["row 2"]!.AsArray().Count);
        Assert.Equal(2, errors["row 3"]!.AsArray().Count);
        Assert.Contains("fields", errors["row 4"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(RateDeckFaults.MaxReported, errors.Sum(e => e.Value!.AsArray().Count));
        Assert.Contains("207 faults", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quoted_fields_keep_commas_and_doubled_quotes()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("t");
        var table = await CreateTableAsync(tenant.Client);
        const string deck = "Prefix,Description,Price_Per_Minute\r\n\"447\",\"United Kingdom, Mobile \"\"EE\"\"\",0.05\r\n44,UK,0.01\r\n";

        using var response = await ImportAsync(tenant.Client, table, deck);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rate = await LookUpAsync(tenant.Client, table, "447700900123");
        Assert.Equal("United Kingdom, Mobile \"EE\"", rate["description"]!.GetValue<string>());
        Assert.Equal(0.05m, rate["price_per_minute"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task Replace_mode_swaps_the_table_rates_in_one_import()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("t");
        var table = await CreateTableAsync(tenant.Client);
        using var first = await ImportAsync(tenant.Client, table, "prefix,price_per_minute,effective_from\n44,0.01,2026-01-01\n33,0.02,2026-01-01\n49,0.03,2026-01-01\n");

        using var replaced = await ImportAsync(tenant.Client, table, "prefix,price_per_minute,effective_from\n44,0.05,2026-01-01\n", "replace");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var result = await replaced.ReadObjectAsync();
        Assert.Equal(1, result["imported"]!.GetValue<int>());
        Assert.Equal(3, result["replaced"]!.GetValue<int>());
        Assert.Equal(1, await CountRatesAsync(tenant.Client, table));
        Assert.Equal(0.05m, (await LookUpAsync(tenant.Client, table, "4420"))["price_per_minute"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task A_failed_replace_keeps_the_existing_rates()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("t");
        var table = await CreateTableAsync(tenant.Client);
        using var first = await ImportAsync(tenant.Client, table, "prefix,price_per_minute\n44,0.01\n33,0.02\n");

        using var failed = await ImportAsync(tenant.Client, table, "prefix,price_per_minute\n44,0.05\n33,free\n", "replace");

        Assert.Equal(HttpStatusCode.BadRequest, failed.StatusCode);
        Assert.Equal(2, await CountRatesAsync(tenant.Client, table));
    }

    [Fact]
    public async Task Same_prefix_and_effective_from_twice_in_a_deck_is_a_row_error()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("t");
        var table = await CreateTableAsync(tenant.Client);
        const string deck = "prefix,price_per_minute,effective_from\n44,0.01,2026-01-01\n44,0.02,2026-06-01\n44,0.03,2026-01-01T00:00:00Z\n";

        using var response = await ImportAsync(tenant.Client, table, deck);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadObjectAsync())["errors"]!.AsObject();
        Assert.Contains("repeats row 2", Assert.Single(errors, e => e.Key == "row 4").Value![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, await CountRatesAsync(tenant.Client, table));
    }

    [Fact]
    public async Task Appending_a_rate_the_table_already_has_is_a_row_error()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("t");
        var table = await CreateTableAsync(tenant.Client);
        await tenant.Client.CreateAsync($"/v1/rate-tables/{table}/rates", RateTableTests.RateBody("44", 0.01m, "2026-01-01T00:00:00Z"));

        using var response = await ImportAsync(tenant.Client, table, "prefix,price_per_minute,effective_from\n33,0.02,2026-01-01\n44,0.05,2026-01-01\n");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadObjectAsync())["errors"]!.AsObject();
        Assert.Contains("already exists", Assert.Single(errors, e => e.Key == "row 3").Value![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(1, await CountRatesAsync(tenant.Client, table));
    }

    [Fact]
    public async Task Omitted_columns_take_the_api_defaults_and_effective_from_is_the_start_of_today()
    {
        await using var app = new TestApplication(time: new FakeTimeProvider(Now));
        using var tenant = await app.CreateTenantAsync("t");
        var table = await CreateTableAsync(tenant.Client);

        // A UTF-8 byte order mark, as spreadsheet exports write, and no newline at the end.
        using var response = await ImportAsync(tenant.Client, table, "\uFEFFprefix,price_per_minute\n44,0.01");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rate = await LookUpAsync(tenant.Client, table, "4420");
        Assert.Equal(new DateTime(2026, 3, 15, 0, 0, 0, DateTimeKind.Utc), rate["effective_from"]!.GetValue<DateTime>().ToUniversalTime());
        Assert.Null(rate["effective_to"]);
        Assert.Equal(60, rate["first_increment_seconds"]!.GetValue<int>());
        Assert.Equal(60, rate["next_increment_seconds"]!.GetValue<int>());
        Assert.Equal(0m, rate["connect_fee"]!.GetValue<decimal>());
        Assert.Null(rate["description"]);
    }

    [Fact]
    public async Task Blank_lines_are_skipped_and_rows_keep_their_file_line_numbers()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("t");
        var table = await CreateTableAsync(tenant.Client);
        const string deck = "prefix,description,price_per_minute\r\n\r\n44,\"two\nlines\",0.01\r\n33,France,oops\r\n\r\n";

        using var response = await ImportAsync(tenant.Client, table, deck);

        var errors = (await response.ReadObjectAsync())["errors"]!.AsObject();
        Assert.Equal("row 5", Assert.Single(errors).Key);
    }

    [Fact]
    public async Task An_unknown_or_missing_column_is_a_header_error()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("t");
        var table = await CreateTableAsync(tenant.Client);

        using var unknown = await ImportAsync(tenant.Client, table, "prefix,price_per_minute,rate\n44,0.01,1\n");
        using var missing = await ImportAsync(tenant.Client, table, "prefix,description\n44,UK\n");
        using var empty = await ImportAsync(tenant.Client, table, "");

        foreach (var response in new[] { unknown, missing, empty })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("row 1", Assert.Single((await response.ReadObjectAsync())["errors"]!.AsObject()).Key);
        }
    }

    [Fact]
    public async Task A_body_that_is_not_csv_is_415()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("t");
        var table = await CreateTableAsync(tenant.Client);

        using var json = await tenant.Client.PostAsync($"/v1/rate-tables/{table}/rates/import", ApiJson.Body(new { prefix = "44" }));
        using var none = await tenant.Client.PostAsync($"/v1/rate-tables/{table}/rates/import", null);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.Equal("application/problem+json", json.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, none.StatusCode);
    }

    [Fact]
    public async Task Import_into_an_unknown_rate_table_is_404()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("t");

        using var response = await ImportAsync(tenant.Client, "rtt_missing", "prefix,price_per_minute\n44,0.01\n");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_mode_is_a_field_error()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("t");
        var table = await CreateTableAsync(tenant.Client);

        using var response = await ImportAsync(tenant.Client, table, "prefix,price_per_minute\n44,0.01\n", "7");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadObjectAsync())["errors"]!.AsObject().ContainsKey("mode"));
    }

    [Fact]
    public async Task Csv_reader_reads_quoted_line_breaks_and_reports_malformed_quotes_per_record()
    {
        const string text = "a,\"b\r\nc\",d\r\n\"open\"x,y\nlast,\"never closed";
        var reader = new CsvRecordReader(new StringReader(text), maxFieldLength: 100, maxFields: 10);
        var records = new List<(int Line, string[] Fields, string? Fault)>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            records.Add((reader.Line, reader.Fields.ToArray(), reader.Fault));
        }

        Assert.Equal(3, records.Count);
        Assert.Equal((1, "a|b\nc|d", (string?)null), (records[0].Line, string.Join('|', records[0].Fields), records[0].Fault));
        Assert.Equal(3, records[1].Line);
        Assert.NotNull(records[1].Fault);
        Assert.Equal(4, records[2].Line);
        Assert.Contains("never closed", records[2].Fault, StringComparison.Ordinal);
    }

    private static async Task<string> CreateTableAsync(HttpClient client) =>
        await client.CreateAsync("/v1/rate-tables", new { name = "Deck", currency = "USD" });

    private static Task<HttpResponseMessage> ImportAsync(HttpClient client, string table, string csv, string? mode = null) =>
        client.PostAsync(
            $"/v1/rate-tables/{table}/rates/import" + (mode is null ? "" : $"?mode={mode}"),
            new StringContent(csv, Encoding.UTF8, "text/csv"));

    private static async Task<JsonObject> LookUpAsync(HttpClient client, string table, string number)
    {
        using var response = await client.GetAsync($"/v1/rate-tables/{table}/rates/lookup?number={number}&at=2026-12-31T00:00:00Z");
        var body = await response.ReadObjectAsync();
        Assert.True(response.IsSuccessStatusCode, body.ToJsonString());
        return body;
    }

    /// <summary>Counts through the public list, page by page, as a client would.</summary>
    private static async Task<int> CountRatesAsync(HttpClient client, string table)
    {
        var count = 0;
        string? cursor = null;
        do
        {
            var path = $"/v1/rate-tables/{table}/rates?limit=500" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
            using var response = await client.GetAsync(path);
            response.EnsureSuccessStatusCode();
            var page = await response.ReadObjectAsync();
            count += page["data"]!.AsArray().Count;
            cursor = page["next_cursor"]?.GetValue<string>();
        }
        while (cursor is not null);

        return count;
    }
}
