using System.Globalization;
using Softswitch.Domain;
using Softswitch.Switch.Billing;
using Softswitch.Switch.Calls;
using Softswitch.Switch.Cdrs;

namespace Softswitch.Switch.Admission;

/// <summary>
/// Rating and anti-overdraft (VOS3000's fourth anti-fraud layer). The callee is priced by the account's rate table at
/// the rate in force now; a callee the table has no rate for is refused (an unpriced call would be a free one). The
/// account must then afford the first increment out of what its other calls have not reserved; the call reserves its
/// first slice of talk time, and its cut-off is armed when it is answered. Package allowances in force at setup pay
/// before the balance (<see cref="CallBilling"/>), so a call its free seconds cover is admitted on a zero balance.
/// An account without a rate table is not rated.
/// </summary>
internal sealed class AntiOverdraftStage(SwitchBilling billing, TimeProvider time) : IReservingAdmissionStage
{
    public string Name => RefusalRules.AntiOverdraft;

    public ValueTask<AdmissionDecision> EvaluateAsync(AdmissionContext context)
    {
        var origin = context.Origin ?? throw new InvalidOperationException("Anti-overdraft runs after ingress.");
        var account = origin.Account;
        if (account.RateTableId is not { } rateTableId)
        {
            return new(AdmissionDecision.Continue);
        }

        if (!billing.Rates.IsLoaded)
        {
            return new(Refuse(context, 503, RefusalRules.NoRate, "Rates not loaded", new RefusalEvidence(0, 0, TimeSpan.Zero, "The switch has not read the rate tables yet")));
        }

        var now = time.GetUtcNow().UtcDateTime;
        var tariff = billing.Rates.Current.Find(account.TenantId, rateTableId, origin.Callee, now);
        if (tariff is null)
        {
            return new(Refuse(context, 403, RefusalRules.NoRate, "No rate for destination", new RefusalEvidence(0, 0, TimeSpan.Zero, $"No rate for {origin.Callee} in rate table {rateTableId}")));
        }

        var packages = billing.Packages.Open(account.TenantId, account.Id, origin.Callee, now, tariff);
        var call = new CallBilling(account.Id, tariff, 0m, packages: packages);
        if (!call.TryOpen(billing.Budgets, account, billing.Options.ReservationSlice))
        {
            // Allowances go back: a call refused here never uses them, and a monitor-only one is charged to the balance.
            call.Close(billing.Budgets, TimeSpan.Zero);

            // A monitor-only policy lets the call through: it must still be priced, or it would be free.
            context.Billing = new CallBilling(account.Id, tariff, 0m, limited: false);
            var available = billing.Budgets.Available(account.Id) ?? account.AvailableFunds;
            var detail = string.Create(CultureInfo.InvariantCulture, $"Account {account.Id} has {available} available; the first {tariff.FirstIncrementSeconds} s to {tariff.Prefix} cost {tariff.FirstIncrementPrice}");
            return new(Refuse(context, 402, RefusalRules.AntiOverdraft, "Insufficient balance", new RefusalEvidence(0, 0, TimeSpan.Zero, detail)));
        }

        context.Billing = call;
        return new(AdmissionDecision.Continue);
    }

    /// <summary>A later stage refused the call: the whole reservation goes back, nothing was spent.</summary>
    public void Release(AdmissionContext context) => context.Billing?.Close(billing.Budgets, TimeSpan.Zero);

    private static AdmissionDecision Refuse(AdmissionContext context, int status, string rule, string reason, RefusalEvidence evidence)
    {
        var response = context.Transaction.CreateResponse(status);
        response.Headers.Add(ReasonHeader.Name, ReasonHeader.Q850(Q850Cause.FromSipStatus(status), reason));
        return AdmissionDecision.Reject(response, rule, evidence);
    }
}
