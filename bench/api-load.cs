// Open-loop HTTP load at a fixed rate, for the API latency figures:
// `dotnet run bench/api-load.cs -- URL KEY [rate] [seconds] [get|post] [warm-up seconds]`.
// Requests start on a fixed schedule whatever the server does, and each latency is measured from its scheduled
// start, so a slow server cannot hide its queueing (no coordinated omission). Prints p50/p90/p99/max and status counts.
// The same schedule first runs untimed for the warm-up (default 5 s): this process's own JIT and its connection pool
// filling up are the tool's start, not the server's latency.
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

if (args.Length < 2)
{
    Console.Error.WriteLine("usage: dotnet run bench/api-load.cs -- URL KEY [rate=200] [seconds=30] [get|post] [warm-up seconds=5]");
    return 2;
}

var url = new Uri(args[0]);
var key = args[1];
var rate = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 200;
var seconds = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 30;
var post = args.Length > 4 && args[4] == "post";
var warmUpSeconds = args.Length > 5 ? int.Parse(args[5], System.Globalization.CultureInfo.InvariantCulture) : 5;
var total = rate * seconds;

using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
{
    Timeout = TimeSpan.FromSeconds(30),
};
client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

var statuses = new ConcurrentDictionary<string, int>();
await RunAsync(rate * warmUpSeconds, "warm-up", new double[rate * warmUpSeconds]);
statuses.Clear();
var latencies = new double[total];
var elapsed = await RunAsync(total, "load", latencies);
Array.Sort(latencies);
double At(double quantile) => latencies[Math.Min(total - 1, (int)Math.Ceiling(quantile * total) - 1)];
Console.WriteLine($"{(post ? "POST" : "GET")} {url} at {rate}/s for {seconds} s after a {warmUpSeconds} s warm-up: {total} requests, achieved {total / elapsed.TotalSeconds:F0}/s");
Console.WriteLine($"latency ms  p50 {At(0.50):F2}  p90 {At(0.90):F2}  p99 {At(0.99):F2}  max {latencies[^1]:F2}");
Console.WriteLine("status      " + string.Join("  ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}")));
return 0;

async Task<TimeSpan> RunAsync(int count, string label, double[] latencies)
{
    var pending = new List<Task>(count);
    var clock = Stopwatch.StartNew();
    for (var i = 0; i < count; i++)
    {
        var due = TimeSpan.FromSeconds((double)i / rate);
        var wait = due - clock.Elapsed;
        if (wait > TimeSpan.FromMilliseconds(1))
        {
            await Task.Delay(wait);
        }

        while (clock.Elapsed < due)
        {
            Thread.SpinWait(50);
        }

        var index = i;
        pending.Add(Task.Run(async () =>
        {
            string outcome;
            try
            {
                using var response = post
                    ? await client.PostAsync(url, new StringContent(
                        $"{{\"name\":\"{label} {index}\",\"kind\":\"client\",\"currency\":\"USD\"}}", Encoding.UTF8, "application/json"))
                    : await client.GetAsync(url);
                await response.Content.ReadAsByteArrayAsync();
                outcome = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
            {
                outcome = error.GetType().Name;
            }

            latencies[index] = (clock.Elapsed - due).TotalMilliseconds;
            statuses.AddOrUpdate(outcome, 1, (_, n) => n + 1);
        }));
    }

    await Task.WhenAll(pending);
    return clock.Elapsed;
}
