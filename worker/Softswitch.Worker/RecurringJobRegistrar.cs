using Hangfire;
using Microsoft.Extensions.Hosting;

namespace Softswitch.Worker;

/// <summary>Registers <see cref="RecurringJobCatalog"/> when a worker process starts.</summary>
public sealed class RecurringJobRegistrar(IRecurringJobManager jobs) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        RecurringJobCatalog.Register(jobs);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
