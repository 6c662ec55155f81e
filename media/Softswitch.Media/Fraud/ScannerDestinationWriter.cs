using System.Net;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Softswitch.Data;
using Softswitch.Domain;
using Softswitch.Switch.Fraud;

namespace Softswitch.Media.Fraud;

/// <summary>
/// Stores the honeypot's numbers off the call path, as <see cref="DynamicBlacklistWriter"/> does: the switch only
/// queues (a bounded queue; when it is full a dial is counted in <see cref="Dropped"/>), and a loop stores what arrived
/// within <see cref="BatchWindow"/>, one row per number with its dial count, first and last dial and last source. A
/// dial from before an operator forgot the number leaves it forgotten. A failed batch is kept and retried.
/// </summary>
public sealed partial class ScannerDestinationWriter(
    DbContextOptions<SoftswitchDbContext> options, TimeProvider time, ILogger<ScannerDestinationWriter> logger)
    : BackgroundService, IScannerDestinationSink
{
    public const int Capacity = 10_000;
    public const int MaxBatch = 1_000;
    public static readonly TimeSpan BatchWindow = TimeSpan.FromMilliseconds(200);
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    private readonly Channel<Dial> _queue = Channel.CreateBounded<Dial>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });
    private readonly List<Dial> _batch = new(MaxBatch);
    private long _dropped;
    private long _stored;

    public long Dropped => Interlocked.Read(ref _dropped);

    public long Stored => Interlocked.Read(ref _stored);

    public void Dialled(string number, IPAddress source, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!_queue.Writer.TryWrite(new Dial(number, source, at)))
        {
            Interlocked.Increment(ref _dropped);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await _queue.Reader.WaitToReadAsync(stoppingToken))
        {
            await Task.Delay(BatchWindow, time, stoppingToken);
            Take();
            await StoreOrKeepAsync(stoppingToken);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        Take();
        if (!await StoreOrKeepAsync(CancellationToken.None))
        {
            LogLostAtShutdown(logger, _batch.Count);
        }
    }

    private void Take()
    {
        while (_batch.Count < MaxBatch && _queue.Reader.TryRead(out var next))
        {
            _batch.Add(next);
        }
    }

    private async Task<bool> StoreOrKeepAsync(CancellationToken cancellationToken)
    {
        if (_batch.Count == 0)
        {
            return true;
        }

        try
        {
            await StoreAsync(cancellationToken);
            Interlocked.Add(ref _stored, _batch.Count);
            _batch.Clear();
            return true;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            LogStoreFailed(logger, exception, _batch.Count, RetryDelay.TotalSeconds);
            if (cancellationToken.CanBeCanceled)
            {
                await Task.Delay(RetryDelay, time, cancellationToken);
            }

            return false;
        }
    }

    private async Task StoreAsync(CancellationToken cancellationToken)
    {
        var dials = _batch.GroupBy(d => d.Number, StringComparer.Ordinal)
            .Select(g => (Number: g.Key, First: g.Min(d => d.At).UtcDateTime, Last: g.MaxBy(d => d.At), Count: g.Count()))
            .ToList();
        var numbers = dials.Select(d => d.Number).ToList();
        await using var db = new SoftswitchDbContext(options, FixedTenantContext.None, time);
        var rows = await db.ScannerDestinations.Where(d => numbers.Contains(d.Number)).ToDictionaryAsync(d => d.Number, StringComparer.Ordinal, cancellationToken);
        foreach (var (number, first, last, count) in dials)
        {
            var lastAt = last.At.UtcDateTime;
            var source = Canonical(last.Source);
            if (!rows.TryGetValue(number, out var row))
            {
                db.ScannerDestinations.Add(new ScannerDestination { Number = number, FirstDialledAt = first, LastDialledAt = lastAt, Dials = count, LastSource = source });
                continue;
            }

            if (row.ForgottenAt is { } forgotten)
            {
                if (lastAt <= forgotten)
                {
                    continue;
                }

                // Dialled again after it was forgotten: recorded anew.
                (row.ForgottenAt, row.FirstDialledAt, row.Dials) = (null, first > forgotten ? first : lastAt, 0);
            }

            row.Dials += count;
            row.LastDialledAt = lastAt > row.LastDialledAt ? lastAt : row.LastDialledAt;
            row.LastSource = source;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Canonical(IPAddress address) => (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();

    private readonly record struct Dial(string Number, IPAddress Source, DateTimeOffset At);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Count} scanner-destination dials could not be stored at shutdown and are lost")]
    private static partial void LogLostAtShutdown(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Storing {Count} scanner-destination dials failed; retrying in {RetrySeconds} s")]
    private static partial void LogStoreFailed(ILogger logger, Exception exception, int count, double retrySeconds);
}
