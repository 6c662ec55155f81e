using System.Globalization;
using Softswitch.Sip.Messages;

namespace Softswitch.Switch.Calls;

/// <summary>
/// RFC 4028 session timers, honoured on each leg separately. Where the peer is the refresher, the switch watches for
/// its re-INVITE/UPDATE and ends the call when none comes before the session expires (§10); where the switch is the
/// refresher, it sends a body-less UPDATE at half the interval (§7.4) and ends the call on 408/481.
/// </summary>
internal sealed partial class Call
{
    private LegTimer? _callerTimer;
    private LegTimer? _calleeTimer;

    private void AddSessionTimerOffer(SipRequest callerInvite, SipRequest vendorInvite)
    {
        var options = _services.Options;
        var asked = SessionExpires.From(callerInvite)?.Interval;
        var interval = asked is { } a && a < options.SessionExpires ? a : options.SessionExpires;
        vendorInvite.Headers.Add(SipHeaderKind.Supported, SessionExpires.TimerOptionTag);
        vendorInvite.Headers.Add(SipHeaderKind.SessionExpires, new SessionExpires(interval, null).ToString());
        vendorInvite.Headers.Add(SessionExpires.MinSeHeader, ((long)options.MinSessionExpires.TotalSeconds).ToString(CultureInfo.InvariantCulture));
    }

    private void NegotiateSessionTimers(SipRequest request, SipResponse vendorOk, SipResponse callerOk)
    {
        var vendor = SessionExpires.From(vendorOk);
        if (vendor is { } v)
        {
            // §7.2: no refresher in the 2xx means the UAC (the switch) refreshes.
            _calleeTimer = new LegTimer(v.Interval, SwitchRefreshes: v.Refresher is null or "uac");
        }

        var callerAsked = SessionExpires.From(request);
        var callerSupports = SessionExpires.SupportsTimer(request);
        if (callerAsked is null && !callerSupports)
        {
            return;
        }

        // §9: the caller refreshes when it supports timers; otherwise the switch does, as the UAS.
        var interval = vendor?.Interval ?? callerAsked?.Interval ?? _services.Options.SessionExpires;
        var refresher = callerSupports ? "uac" : "uas";
        callerOk.Headers.Add(SipHeaderKind.SessionExpires, new SessionExpires(interval, refresher).ToString());
        if (callerSupports)
        {
            callerOk.Headers.Add(SipHeaderKind.Require, SessionExpires.TimerOptionTag);
        }

        _callerTimer = new LegTimer(interval, SwitchRefreshes: !callerSupports);
    }

    private void StartSessionTimers()
    {
        Arm(_callerTimer, _caller.Dialog);
        Arm(_calleeTimer, _answered!.Dialog);
    }

    /// <summary>A re-INVITE or UPDATE succeeded on <paramref name="leg"/>: its session is refreshed (§10).</summary>
    private void OnSessionRefreshed(DialogLeg leg) => Arm(leg == _caller.Dialog ? _callerTimer : _calleeTimer, leg);

    private void Arm(LegTimer? timer, DialogLeg leg)
    {
        if (timer is null || _state != CallState.Answered)
        {
            return;
        }

        timer.Pending?.Dispose();
        var interval = timer.Interval;
        if (timer.SwitchRefreshes)
        {
            timer.Pending = _services.Time.CreateTimer(_ => Post(() => Refresh(leg)), null, interval / 2, Timeout.InfiniteTimeSpan);
        }
        else
        {
            // §10: the side that is not the refresher ends the session min(32 s, interval/3) before it expires.
            var margin = TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(32).Ticks, interval.Ticks / 3));
            timer.Pending = _services.Time.CreateTimer(
                _ => Post(() => EndBySwitch(ReasonHeader.Sip(408, "Session timer expired"))), null, interval - margin, Timeout.InfiniteTimeSpan);
        }
    }

    private void Refresh(DialogLeg leg)
    {
        if (_state != CallState.Answered)
        {
            return;
        }

        var timer = leg == _caller.Dialog ? _callerTimer! : _calleeTimer!;
        var update = leg.CreateRequest(SipMethods.Update);
        update.Headers.Add(SipHeaderKind.SessionExpires, new SessionExpires(timer.Interval, "uac").ToString());
        update.Headers.Add(SipHeaderKind.Supported, SessionExpires.TimerOptionTag);
        var transaction = _services.Layer.SendRequest(update, leg.Destination);
        transaction.FinalResponse.ContinueWith(
            t => Post(() =>
            {
                if (t.Result.StatusCode is 408 or 481)
                {
                    EndBySwitch(ReasonHeader.Sip(t.Result.StatusCode, "Session refresh failed"));
                }
                else
                {
                    Arm(timer, leg);
                }
            }),
            CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
    }

    private void StopSessionTimers()
    {
        _callerTimer?.Pending?.Dispose();
        _calleeTimer?.Pending?.Dispose();
    }

    private sealed record LegTimer(TimeSpan Interval, bool SwitchRefreshes)
    {
        public ITimer? Pending { get; set; }
    }
}
