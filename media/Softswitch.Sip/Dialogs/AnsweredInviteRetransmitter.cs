using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Softswitch.Sip.Transactions;

namespace Softswitch.Sip.Dialogs;

/// <summary>
/// The UAS core's side of RFC 3261 §13.3.1.4. A 2xx to INVITE ends the server transaction (§17.2.1), so the UAS core
/// keeps the 2xx alive itself: over an unreliable transport it is resent at T1, then at intervals doubling up to T2,
/// until the ACK arrives; over a reliable transport nothing is resent but the ACK is still awaited. A 2xx without an
/// ACK after 64*T1 is reported through <see cref="AckTimedOut"/> so the caller can end the session with BYE.
/// </summary>
/// <remarks>
/// Call <see cref="Track"/> right after the TU sent the 2xx, <see cref="TryAcknowledge"/> for every ACK the
/// transaction layer hands to the TU, and <see cref="Stop"/> when the call ends before its ACK (e.g. BYE). Thread-safe;
/// sends and event handlers run outside the lock.
/// </remarks>
public sealed class AnsweredInviteRetransmitter : IDisposable
{
    private readonly ISipTransport _transport;
    private readonly SipTransactionOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Dictionary<AnswerKey, TrackedAnswer> _answers = [];
    private readonly Lock _gate = new();
    private long _sendFailures;
    private bool _disposed;

    public AnsweredInviteRetransmitter(ISipTransport transport, SipTransactionOptions options, TimeProvider time, ILogger<AnsweredInviteRetransmitter>? logger = null)
    {
        options.Validate();
        _transport = transport;
        _options = options;
        _time = time;
        _logger = logger ?? NullLogger<AnsweredInviteRetransmitter>.Instance;
    }

    /// <summary>Raised once for each tracked 2xx that saw no ACK within 64*T1; it is no longer tracked by then.</summary>
    public event Action<UnacknowledgedAnswer>? AckTimedOut;

    /// <summary>2xx responses waiting for their ACK; returns to zero when traffic stops.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _answers.Count;
            }
        }
    }

    /// <summary>Retransmissions the transport failed to send. A failure does not end the wait: the deadline still applies.</summary>
    public long SendFailures => Interlocked.Read(ref _sendFailures);

    /// <summary>
    /// Starts retransmitting <paramref name="ok"/>, which the TU has just sent, until its ACK arrives.
    /// <paramref name="remote"/> is the INVITE's source (<see cref="SipTransaction.Remote"/>); responses are routed
    /// from it as the server transaction routes them (RFC 3261 §18.2.2).
    /// </summary>
    /// <returns>False when the same 2xx (Call-ID, CSeq number, To tag) is already tracked; its schedule is unchanged.</returns>
    public bool Track(SipResponse ok, SipEndPoint remote)
    {
        if (!ok.IsSuccess || ok.CSeq.Method != SipMethods.Invite)
        {
            throw new ArgumentException("Only a 2xx to INVITE waits for an ACK (RFC 3261 §13.3.1.4).", nameof(ok));
        }

        var toTag = ok.To.Tag ?? throw new ArgumentException("A 2xx to INVITE carries a To tag (RFC 3261 §12.1.1).", nameof(ok));
        var answer = new TrackedAnswer(new AnswerKey(ok.CallId, ok.CSeq.Number, toTag), ok, remote, _options.T1);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_answers.TryAdd(answer.Key, answer))
            {
                return false;
            }

            if (!remote.IsReliable)
            {
                answer.Retransmit = _time.CreateTimer(
                    static state =>
                    {
                        var (owner, tracked) = ((AnsweredInviteRetransmitter, TrackedAnswer))state!;
                        owner.OnRetransmitDue(tracked);
                    },
                    (this, answer),
                    answer.Interval,
                    Timeout.InfiniteTimeSpan);
            }

            // RFC 3261 §13.3.1.4: the wait for the ACK lasts 64*T1 on every transport.
            answer.Deadline = _time.CreateTimer(
                static state =>
                {
                    var (owner, tracked) = ((AnsweredInviteRetransmitter, TrackedAnswer))state!;
                    owner.OnDeadline(tracked);
                },
                (this, answer),
                _options.T1 * 64,
                Timeout.InfiniteTimeSpan);
            return true;
        }
    }

    /// <summary>
    /// Stops the retransmission of the 2xx this ACK acknowledges: same Call-ID, CSeq number and To tag (RFC 3261
    /// §13.2.2.4). Returns false for anything else, including later copies of an ACK already matched.
    /// </summary>
    public bool TryAcknowledge(SipRequest ack)
    {
        if (ack.Method != SipMethods.Ack || ack.To.Tag is not { } toTag)
        {
            return false;
        }

        var key = new AnswerKey(ack.CallId, ack.CSeq.Number, toTag);
        lock (_gate)
        {
            return _answers.TryGetValue(key, out var answer) && End(answer);
        }
    }

    /// <summary>The 2xx (Call-ID, CSeq number, To tag) still waiting for its ACK, or null once acknowledged or given up.</summary>
    public SipResponse? Unacknowledged(string callId, uint sequence, string toTag)
    {
        lock (_gate)
        {
            return _answers.TryGetValue(new AnswerKey(callId, sequence, toTag), out var answer) ? answer.Response : null;
        }
    }

    /// <summary>Forgets every 2xx of the call, e.g. when a BYE arrives before the ACK. Returns false when none was tracked.</summary>
    public bool Stop(string callId)
    {
        lock (_gate)
        {
            var ended = 0;
            foreach (var answer in _answers.Values.Where(a => a.Key.CallId == callId).ToList())
            {
                ended += End(answer) ? 1 : 0;
            }

            return ended > 0;
        }
    }

    /// <summary>Stops every timer without raising <see cref="AckTimedOut"/>.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            foreach (var answer in _answers.Values.ToList())
            {
                End(answer);
            }
        }
    }

    private void OnRetransmitDue(TrackedAnswer answer)
    {
        lock (_gate)
        {
            if (answer.Ended)
            {
                return;
            }

            // RFC 3261 §13.3.1.4: the interval doubles after each retransmission until it reaches T2.
            answer.Interval = TimeSpan.FromTicks(Math.Min((answer.Interval * 2).Ticks, _options.T2.Ticks));
            answer.Retransmit!.Change(answer.Interval, Timeout.InfiniteTimeSpan);
        }

        _ = RetransmitAsync(answer);
    }

    private void OnDeadline(TrackedAnswer answer)
    {
        lock (_gate)
        {
            if (!End(answer))
            {
                return;
            }
        }

        _logger.LogWarning("No ACK for {Status} to INVITE {CallId} from {Remote} within 64*T1",
            answer.Response.StatusCode, answer.Key.CallId, answer.Remote);
        try
        {
            AckTimedOut?.Invoke(new UnacknowledgedAnswer(answer.Key.CallId, answer.Response, answer.Remote));
        }
        catch (Exception exception)
        {
            // A timer callback is a boundary: an exception escaping it would end the process.
            _logger.LogError(exception, "AckTimedOut handler failed for {CallId}", answer.Key.CallId);
        }
    }

    private async Task RetransmitAsync(TrackedAnswer answer)
    {
        try
        {
            await _transport.SendResponseAsync(answer.Response, answer.Remote).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is SocketException or IOException or ObjectDisposedException
            or OperationCanceledException or InvalidOperationException)
        {
            // The ACK may still come (an earlier copy may have arrived), and the 64*T1 deadline ends the wait if not.
            Interlocked.Increment(ref _sendFailures);
            _logger.LogDebug("Could not resend {Status} for {CallId} to {Remote}: {Reason}",
                answer.Response.StatusCode, answer.Key.CallId, answer.Remote, exception.Message);
        }
    }

    /// <summary>Marks the answer ended, releases its timers and removes it. Call under the lock.</summary>
    private bool End(TrackedAnswer answer)
    {
        if (answer.Ended)
        {
            return false;
        }

        answer.Ended = true;
        answer.Retransmit?.Dispose();
        answer.Deadline?.Dispose();
        _answers.Remove(answer.Key);
        return true;
    }

    /// <summary>RFC 3261 §13.2.2.4: the ACK for a 2xx carries the INVITE's Call-ID and CSeq number and the 2xx's To tag.</summary>
    private readonly record struct AnswerKey(string CallId, uint Sequence, string ToTag);

    private sealed class TrackedAnswer(AnswerKey key, SipResponse response, SipEndPoint remote, TimeSpan interval)
    {
        public AnswerKey Key { get; } = key;

        public SipResponse Response { get; } = response;

        public SipEndPoint Remote { get; } = remote;

        public TimeSpan Interval { get; set; } = interval;

        public ITimer? Retransmit { get; set; }

        public ITimer? Deadline { get; set; }

        public bool Ended { get; set; }
    }
}
