using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Softswitch.Api.Tests.Infrastructure;

namespace Softswitch.Api.Tests;

/// <summary>issue 10 §6: with <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> set, metrics are pushed over OTLP/HTTP to a collector.</summary>
public sealed class OtlpExportTests
{
    [Fact]
    public async Task Metrics_reach_the_collector_named_by_the_standard_settings()
    {
        await using var collector = await Collector.StartAsync();
        await using var app = new TestApplication(new Dictionary<string, string?>
        {
            ["Softswitch:Roles"] = "api,switch",
            ["Softswitch:Sip:Address"] = "127.0.0.1",
            ["Softswitch:Sip:Port"] = "0",
            ["Softswitch:Sip:UdpReceivers"] = "1",
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Address,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "200",
        });
        using var client = app.CreateClient();
        using var live = await client.GetAsync("/healthz/live");

        // Exports every 200 ms; the first may come before the switch has registered its meters.
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!collector.Bodies.Any(Names("softswitch.calls.active")) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Contains(collector.Bodies, body => Names("softswitch.calls.active")(body));
    }

    private static Func<byte[], bool> Names(string metric) =>
        body => System.Text.Encoding.UTF8.GetString(body).Contains(metric, StringComparison.Ordinal);

    /// <summary>An OTLP/HTTP metrics receiver on loopback that keeps the request bodies (protobuf; names are plain UTF-8 in it).</summary>
    private sealed class Collector : IAsyncDisposable
    {
        private readonly WebApplication host;

        private Collector(WebApplication host, string address)
        {
            this.host = host;
            Address = address;
        }

        public string Address { get; }

        public ConcurrentQueue<byte[]> Bodies { get; } = new();

        public static async Task<Collector> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var host = builder.Build();
            Collector? collector = null;
            host.MapPost("/v1/metrics", async (HttpRequest request) =>
            {
                using var buffer = new MemoryStream();
                await request.Body.CopyToAsync(buffer);
                collector!.Bodies.Enqueue(buffer.ToArray());
                return Results.Ok();
            });
            await host.StartAsync();
            var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            collector = new Collector(host, address);
            return collector;
        }

        public async ValueTask DisposeAsync()
        {
            await host.StopAsync();
            await host.DisposeAsync();
        }
    }
}
