using Softswitch.Switch.Cdrs;

namespace Softswitch.Switch.Calls;

/// <summary>
/// Anti-overdraft once the call is up: the answered call runs on the talk time its reservation pays for, asks its
/// account for the next slice shortly before that runs out, and is cut when the account has no more.
/// </summary>
internal sealed partial class Call
{
    private ITimer? _creditTimer;
    private bool _creditExhausted;

    /// <summary>The answering vendor's rate, looked up in its account's rate table for the number it was sent.</summary>
    private void RateVendor(VendorLeg vendor)
    {
        if (_services.Billing is not { } billing
            || !_admission.Snapshot.Tenants.TryGetValue(_origin.Tenant.TenantId, out var tenant)
            || vendor.Gateway is not { } gateway
            || !tenant.Accounts.TryGetValue(gateway.AccountId, out var account)
            || account.RateTableId is not { } rateTableId)
        {
            return;
        }

        var callee = _record.AttemptCallee(vendor.CdrIndex);
        _record.VendorRate = billing.Rates.Current.Find(account.TenantId, rateTableId, callee, _record.SetupAt.UtcDateTime);
    }

    private void StartCreditLimit() => ScheduleCredit();

    private void ScheduleCredit()
    {
        if (_admission.Billing is not { } call || _services.Billing is not { } billing || _record.AnswerAt is not { } answeredAt)
        {
            return;
        }

        var now = _services.Time.GetUtcNow();
        while (true)
        {
            if (call.PaidSeconds is not int paid)
            {
                return;
            }

            var paidUntil = answeredAt + TimeSpan.FromSeconds(paid);
            var renewAt = paidUntil - billing.Options.RenewalLead;
            if (!_creditExhausted && renewAt <= now)
            {
                _creditExhausted = !call.TryExtend(billing.Budgets, billing.Options.ReservationSlice);
                _record.Packages = call.Packages?.Grant;
                continue;
            }

            var due = _creditExhausted ? paidUntil - billing.Options.OverdraftAdvance - Billing.BillingOptions.CutMargin : renewAt;
            if (_creditExhausted && due <= now)
            {
                // Reached late (a busy executor, or an answer processed after the limit): cut now rather than on a timer.
                EndBySwitch(ReasonHeader.Q850(Q850Cause.NormalClearing, "Credit limit reached"));
                return;
            }

            var delay = due - now;
            _creditTimer?.Dispose();
            _creditTimer = _services.Time.CreateTimer(static state => ((Call)state!).OnCreditTimer(), this, delay, Timeout.InfiniteTimeSpan);
            return;
        }
    }

    private void OnCreditTimer() => Post(() =>
    {
        if (_state != CallState.Answered)
        {
            return;
        }

        if (_creditExhausted)
        {
            EndBySwitch(ReasonHeader.Q850(Q850Cause.NormalClearing, "Credit limit reached"));
            return;
        }

        _creditExhausted = !_admission.Billing!.TryExtend(_services.Billing!.Budgets, _services.Billing.Options.ReservationSlice);
        _record.Packages = _admission.Billing.Packages?.Grant;
        ScheduleCredit();
    });

    /// <summary>The call is over: its charge is known, its reservation goes back.</summary>
    private void CloseBilling(CallDetailRecord final)
    {
        _creditTimer?.Dispose();
        if (_admission.Billing is { } call && _services.Billing is { } billing)
        {
            call.Close(billing.Budgets, final.Duration);
        }
    }
}
