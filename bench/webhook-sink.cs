#:sdk Microsoft.NET.Sdk.Web
// A webhook receiver for the bench (bench/redirect-webhooks.sh): answers 204 to every POST on 127.0.0.1:PORT and
// prints, every 10 s, how many it has had. `dotnet run bench/webhook-sink.cs -- [port=5482]`.
using System.Globalization;

var port = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5482;
long received = 0;
var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
var sink = builder.Build();
sink.MapPost("/{**path}", () =>
{
    Interlocked.Increment(ref received);
    return Results.NoContent();
});
await sink.StartAsync();
Console.WriteLine($"webhook sink on http://127.0.0.1:{port}");
using var report = new PeriodicTimer(TimeSpan.FromSeconds(10));
var stopping = sink.Lifetime.ApplicationStopping;
try
{
    while (await report.WaitForNextTickAsync(stopping))
    {
        Console.WriteLine($"{DateTime.UtcNow:O} received {Interlocked.Read(ref received)}");
    }
}
catch (OperationCanceledException)
{
}

Console.WriteLine($"received {Interlocked.Read(ref received)} in all");
await sink.StopAsync();
