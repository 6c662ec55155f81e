using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Softswitch.Worker.ThreatFeed;

namespace Softswitch.Worker;

/// <summary>Registers <see cref="RecurringJobCatalog"/> when a worker process starts.</summary>
public sealed class RecurringJobRegistrar(IRecurringJobManager jobs, IOptions<ThreatFeedOptions> feed) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        RecurringJobCatalog.Register(jobs, feed.Value);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
