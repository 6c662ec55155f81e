#:sdk Microsoft.NET.Sdk.Web
#:project ../media/Softswitch.Media/Softswitch.Media.csproj
// Webhooks at a fixed event rate through the switch's real fast path, in one process:
// `dotnet run bench/webhooks-load.cs -- [events/s=1000] [seconds=30]`.
// Call events are published on an open-loop schedule (4 per call: initiated, ringing, answered, completed) to the
// webhook consumer the B2BUA calls after the CDR journal; the fast path signs and POSTs them over loopback HTTP to a
// Kestrel receiver. Latency is from each event's scheduled publish time to the moment the receiver has its request,
// so a backlog cannot hide (no coordinated omission). Prints p50/p99/max and losses (received vs published).
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Softswitch.Data;
using Softswitch.Domain;
using Softswitch.Media.Webhooks;
using Softswitch.Switch.Cdrs;
using Softswitch.Switch.Events;

var rate = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 30;
var total = rate * seconds / 4 * 4;

var published = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
var received = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.UseUrls("http://127.0.0.1:0");
var receiver = builder.Build();
receiver.MapPost("/hooks", (HttpRequest request) =>
{
    received.TryAdd(request.Headers["webhook-id"].ToString(), Stopwatch.GetTimestamp());
    return Results.Ok();
});
await receiver.StartAsync();
var url = receiver.Urls.First() + "/hooks";

var options = new WebhookOptions { AllowPrivateTargets = true };
var table = new WebhookEndpointTable();
table.Replace([new WebhookEndpoint
{
    Id = "whe_bench", TenantId = "ten_bench", Url = url, EventTypes = [.. WebhookEventTypes.Subscribable], Secret = WebhookSecret.Generate(),
}]);
var counters = new WebhookCounters();
var queue = Channel.CreateBounded<WebhookWork>(options.QueueCapacity);
using var sender = new HttpWebhookSender(options, TimeProvider.System);
// Never started: the outcomes it would store are not on the measured path (its queue holds them, bounded).
var log = new WebhookDeliveryLog(new DbContextOptions<SoftswitchDbContext>(), counters, TimeProvider.System, NullLogger<WebhookDeliveryLog>.Instance);
var fastPath = new WebhookFastPath(queue.Reader, sender, log, table, options, counters, TimeProvider.System);
await fastPath.StartAsync(CancellationToken.None);
var consumer = new WebhookCallEventConsumer(table, queue.Writer, counters);

var kinds = new[] { CallEventKind.Created, CallEventKind.Ringing, CallEventKind.Answered, CallEventKind.Ended };
var start = Stopwatch.GetTimestamp();
var tick = (double)Stopwatch.Frequency / rate;
CallDetailRecord? call = null;
for (var i = 0; i < total; i++)
{
    var due = start + (long)(i * tick);
    while (Stopwatch.GetTimestamp() < due)
    {
        if (due - Stopwatch.GetTimestamp() > Stopwatch.Frequency / 500)
        {
            Thread.Sleep(1);
        }
    }

    var kind = kinds[i % 4];
    var now = DateTimeOffset.UtcNow;
    call = kind == CallEventKind.Created
        ? new CallDetailRecord
        {
            Id = CallDetailRecord.NewId(now), TenantId = "ten_bench", CallId = Guid.NewGuid().ToString("n"), CallerReceived = "15550001",
            CalleeReceived = "442071234567", SetupAt = now,
        }
        : kind switch
        {
            CallEventKind.Ringing => call! with { RingingAt = now },
            CallEventKind.Answered => call! with { AnswerAt = now },
            _ => call! with { EndAt = now, FinalCode = 200, HangupSide = HangupSide.Caller },
        };
    published[WebhookEventIds.ForCall(call.Id, i % 4 + 1)] = due;
    await consumer.OnCallEventAsync(new CallEvent(kind, i % 4 + 1, call));
}

for (var wait = 0; wait < 300 && received.Count < published.Count; wait++)
{
    await Task.Delay(100);
}

var latencies = published.Where(p => received.ContainsKey(p.Key))
    .Select(p => Stopwatch.GetElapsedTime(p.Value, received[p.Key]).TotalMilliseconds).Order().ToArray();
double At(double q) => latencies.Length == 0 ? double.NaN : latencies[Math.Min(latencies.Length - 1, (int)(q * latencies.Length))];
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{rate} events/s for {seconds} s: published {published.Count}, received {received.Count}, lost {published.Count - received.Count} " +
    $"(left to the outbox {counters.LeftToOutbox}, failed {counters.Failed}); latency ms p50 {At(0.5):F2} p90 {At(0.9):F2} p99 {At(0.99):F2} max {At(1):F2}"));
await fastPath.StopAsync(CancellationToken.None);
await receiver.StopAsync();
return published.Count == received.Count ? 0 : 1;
