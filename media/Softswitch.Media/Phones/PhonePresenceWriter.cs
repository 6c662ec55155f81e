using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Softswitch.Data;
using Softswitch.Domain;
using Softswitch.Media.Webhooks;
using Softswitch.Sip.Registrar;
using Softswitch.Switch.Config;

namespace Softswitch.Media.Phones;

/// <summary>
/// The durable path of <c>phone.online</c> / <c>phone.offline</c>: presence changes of the registrar's bindings are
/// queued (bounded; a change the full queue cannot take is counted in <see cref="Dropped"/> and logged), coalesced
/// per phone (<see cref="PresenceCoalescer"/>), and every <see cref="BatchWindow"/> the events of phones with a
/// subscribed endpoint are written to the webhook outbox in one transaction per tenant. Only then are they offered to
/// the fast path; what it does not deliver, the retry job does from the outbox. A failed write is retried with the
/// same events after <see cref="RetryDelay"/>. An AOR that is no active phone of a tenant (a phone deleted while
/// registered) raises nothing.
/// </summary>
public sealed partial class PhonePresenceWriter : BackgroundService
{
    public const int Capacity = 10_000;
    public static readonly TimeSpan BatchWindow = TimeSpan.FromMilliseconds(200);
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    /// <summary>One presence event per phone per this interval at most (<see cref="PresenceCoalescer"/>).</summary>
    public static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(5);

    private readonly Channel<AorPresence> _queue = Channel.CreateBounded<AorPresence>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });
    private readonly PresenceCoalescer _coalescer = new(MinInterval);
    private readonly List<CallEventPayload> _unstored = [];
    private readonly DbContextOptions<SoftswitchDbContext> _options;
    private readonly ISwitchConfigSource _config;
    private readonly WebhookEndpointTable _endpoints;
    private readonly ChannelWriter<WebhookWork> _fastPath;
    private readonly WebhookCounters _counters;
    private readonly TimeProvider _time;
    private readonly ILogger<PhonePresenceWriter> _logger;
    private long _dropped;
    private long _stored;

    public PhonePresenceWriter(
        SipBindingStore bindings, DbContextOptions<SoftswitchDbContext> options, ISwitchConfigSource config, WebhookEndpointTable endpoints,
        ChannelWriter<WebhookWork> fastPath, WebhookCounters counters, TimeProvider time, ILogger<PhonePresenceWriter> logger)
    {
        ArgumentNullException.ThrowIfNull(bindings);
        _options = options;
        _config = config;
        _endpoints = endpoints;
        _fastPath = fastPath;
        _counters = counters;
        _time = time;
        _logger = logger;
        bindings.PresenceChanged += Offer;
    }

    /// <summary>Presence changes lost because the queue was full (the database was slower than the registrations).</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Presence events written to the outbox.</summary>
    public long Stored => Interlocked.Read(ref _stored);

    public void Offer(AorPresence change)
    {
        if (!_queue.Writer.TryWrite(change))
        {
            Interlocked.Increment(ref _dropped);
            LogDropped(_logger, change.Domain);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        DateTimeOffset? held = null;
        while (true)
        {
            if (held is { } due && _unstored.Count == 0)
            {
                var wait = due - _time.GetUtcNow();
                using var ripe = new CancellationTokenSource(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, _time);
                using var either = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, ripe.Token);
                try
                {
                    await _queue.Reader.WaitToReadAsync(either.Token);
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                    // A held change has ripened.
                }
            }
            else if (_unstored.Count == 0 && !await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                return;
            }

            await Task.Delay(BatchWindow, _time, stoppingToken);
            while (_queue.Reader.TryRead(out var change))
            {
                _coalescer.Offer(change);
            }

            _unstored.AddRange(ToEvents(_coalescer.TakeDue(_time.GetUtcNow(), out held)));
            await StoreAndOfferAsync(stoppingToken);
        }
    }

    private IEnumerable<CallEventPayload> ToEvents(List<AorPresence> changes)
    {
        var snapshot = _config.Current;
        foreach (var change in changes)
        {
            if (snapshot.FindPhone(change.Domain, change.User) is not { } phone
                || _endpoints.Subscribers(phone.TenantId, change.Online ? WebhookEventTypes.PhoneOnline : WebhookEventTypes.PhoneOffline).Count == 0)
            {
                continue;
            }

            yield return PhonePresencePayload.From(change, phone, WebhookEventIds.New(change.At));
        }
    }

    private async Task StoreAndOfferAsync(CancellationToken cancellationToken)
    {
        if (_unstored.Count == 0)
        {
            return;
        }

        try
        {
            await StoreAsync(_unstored, cancellationToken);
        }
        catch (Exception exception) when (exception is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            LogStoreFailed(_logger, exception, _unstored.Count, RetryDelay.TotalSeconds);
            await Task.Delay(RetryDelay, _time, cancellationToken);
            return;
        }

        Interlocked.Add(ref _stored, _unstored.Count);
        foreach (var stored in _unstored)
        {
            var subscribers = _endpoints.Subscribers(stored.TenantId, stored.Type);
            if (subscribers.Count > 0 && _fastPath.TryWrite(new WebhookWork(stored, subscribers)))
            {
                _counters.CountQueued();
            }
            else
            {
                _counters.CountLeftToOutbox();
            }
        }

        _unstored.Clear();
    }

    private async Task StoreAsync(IReadOnlyList<CallEventPayload> events, CancellationToken cancellationToken)
    {
        foreach (var tenant in events.GroupBy(e => e.TenantId, StringComparer.Ordinal))
        {
            await using var db = new SoftswitchDbContext(_options, new FixedTenantContext(tenant.Key), _time);
            var ids = tenant.Select(e => e.EventId).ToList();
            // A retry after a commit whose acknowledgement was lost must not store the events twice.
            var present = (await db.WebhookEvents.Where(e => ids.Contains(e.Id)).Select(e => e.Id).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
            db.WebhookEvents.AddRange(tenant.Where(e => !present.Contains(e.EventId)).Select(WebhookOutbox.Row));
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Presence queue full: a change of a phone in {Domain} is lost")]
    private static partial void LogDropped(ILogger logger, string domain);

    [LoggerMessage(Level = LogLevel.Error, Message = "Storing {Count} phone presence events failed; retrying in {RetrySeconds} s")]
    private static partial void LogStoreFailed(ILogger logger, Exception exception, int count, double retrySeconds);
}
