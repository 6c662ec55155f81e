using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;
using Softswitch.Domain;

namespace Softswitch.Media.Webhooks;

/// <summary>
/// The fast path, in the switch process and off the call path: <see cref="WebhookOptions.Senders"/> loops take
/// events from the bounded queue and POST them to each subscribed endpoint through that endpoint's own pipeline — a
/// Polly timeout per attempt, one or two quick retries (200 ms, 400 ms) on connection errors, timeouts, 408 and 5xx,
/// and a circuit breaker keyed by endpoint id (half the attempts failing over 30 s, at least 5, opens it for 30 s), so
/// a dead CRM costs each call one refused attempt, not a timeout. A receiver that asks for time (Retry-After) is not
/// retried quickly. Every outcome goes to the <see cref="WebhookDeliveryLog"/>; failures are then the retry job's.
/// </summary>
public sealed class WebhookFastPath : BackgroundService
{
    private readonly ChannelReader<WebhookWork> _queue;
    private readonly IWebhookSender _sender;
    private readonly WebhookDeliveryLog _log;
    private readonly WebhookOptions _options;
    private readonly WebhookCounters _counters;
    private readonly TimeProvider _time;
    private readonly WebhookEndpointTable _endpoints;
    private readonly ConcurrentDictionary<string, ResiliencePipeline<WebhookAttempt>> _pipelines = new(StringComparer.Ordinal);

    public WebhookFastPath(
        ChannelReader<WebhookWork> queue, IWebhookSender sender, WebhookDeliveryLog log, WebhookEndpointTable endpoints,
        WebhookOptions options, WebhookCounters counters, TimeProvider time)
    {
        _queue = queue;
        _sender = sender;
        _log = log;
        _options = options;
        _counters = counters;
        _time = time;
        _endpoints = endpoints;
    }

    /// <summary>Forgets the breakers of endpoints no longer enabled, so their number stays that of the table.</summary>
    public void PruneBreakers()
    {
        var live = _endpoints.EndpointIds.ToHashSet(StringComparer.Ordinal);
        foreach (var id in _pipelines.Keys.Where(id => !live.Contains(id)))
        {
            _pipelines.TryRemove(id, out _);
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, _options.Senders).Select(_ => Task.Run(() => SendLoopAsync(stoppingToken), stoppingToken)));

    private async Task SendLoopAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var work in _queue.ReadAllAsync(stoppingToken))
            {
                foreach (var endpoint in work.Endpoints)
                {
                    await DeliverAsync(work.Event, endpoint, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is still queued is in the outbox and goes out through the retry job.
        }
    }

    public async Task<WebhookOutcome> DeliverAsync(CallEventPayload payload, WebhookEndpoint endpoint, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(endpoint);
        var pipeline = _pipelines.GetOrAdd(endpoint.Id, static (_, self) => self.Build(), this);
        var state = new AttemptState(_sender, endpoint, payload);
        WebhookAttempt attempt;
        var started = _time.GetTimestamp();
        try
        {
            attempt = await pipeline.ExecuteAsync(
                static async (s, token) =>
                {
                    s.Attempts++;
                    return await s.Sender.SendAsync(s.Endpoint, s.Payload.EventId, s.Payload.Body, token).ConfigureAwait(false);
                },
                state,
                stoppingToken);
        }
        catch (TimeoutRejectedException)
        {
            attempt = new WebhookAttempt(null, _time.GetElapsedTime(started), "timed out", null);
        }
        catch (BrokenCircuitException)
        {
            attempt = new WebhookAttempt(null, TimeSpan.Zero, "circuit open: the endpoint has been failing", null);
        }

        if (attempt.Succeeded)
        {
            _counters.CountDelivered(attempt.Latency);
        }
        else
        {
            _counters.CountFailed();
        }

        var outcome = new WebhookOutcome(payload, endpoint, attempt, Math.Max(1, state.Attempts));
        _log.Record(outcome);
        return outcome;
    }

    private ResiliencePipeline<WebhookAttempt> Build()
    {
        var failing = new PredicateBuilder<WebhookAttempt>().Handle<TimeoutRejectedException>().HandleResult(IsTransientFailure);
        var builder = new ResiliencePipelineBuilder<WebhookAttempt> { TimeProvider = _time };
        if (_options.QuickRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<WebhookAttempt>
            {
                MaxRetryAttempts = _options.QuickRetries,
                Delay = TimeSpan.FromMilliseconds(200),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = false,
                ShouldHandle = new PredicateBuilder<WebhookAttempt>().Handle<TimeoutRejectedException>().HandleResult(a => IsTransientFailure(a) && a.RetryAfter is null),
            });
        }

        return builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<WebhookAttempt>
            {
                FailureRatio = 0.5,
                MinimumThroughput = 5,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = TimeSpan.FromSeconds(30),
                ShouldHandle = failing,
            })
            .AddTimeout(TimeSpan.FromSeconds(_options.AttemptTimeoutSeconds))
            .Build();
    }

    private static bool IsTransientFailure(WebhookAttempt attempt) => attempt.StatusCode is null or 408 or 429 or >= 500;

    private sealed class AttemptState(IWebhookSender sender, WebhookEndpoint endpoint, CallEventPayload payload)
    {
        public IWebhookSender Sender { get; } = sender;

        public WebhookEndpoint Endpoint { get; } = endpoint;

        public CallEventPayload Payload { get; } = payload;

        public int Attempts { get; set; }
    }
}
