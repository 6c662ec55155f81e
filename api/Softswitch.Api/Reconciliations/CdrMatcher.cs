using Softswitch.Domain;

namespace Softswitch.Api.Reconciliations;

/// <summary>
/// Pairs a vendor's calls with ours: same called number (digits only) and start times within the tolerance, each of
/// ours used once, the nearest in time first. Matched pairs are then compared on duration and charge.
/// </summary>
public static class CdrMatcher
{
    public static void Reconcile(Reconciliation result, IReadOnlyList<OurCdr> ours, IReadOnlyList<VendorCdr> theirs)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(ours);
        ArgumentNullException.ThrowIfNull(theirs);
        var startTolerance = TimeSpan.FromSeconds(result.StartToleranceSeconds);
        var unmatched = ours.GroupBy(o => Digits(o.Callee), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(o => o.Start).ToList(), StringComparer.Ordinal);
        result.OurCalls = ours.Count;
        result.TheirCalls = theirs.Count;
        result.OurCost = ours.Sum(o => o.Cost ?? 0m);
        result.TheirCharge = theirs.Sum(t => t.Charge ?? 0m);
        result.OurSeconds = (long)ours.Sum(o => o.Seconds);
        result.TheirSeconds = (long)theirs.Sum(t => t.Seconds);
        foreach (var vendor in theirs.OrderBy(t => t.Start))
        {
            var ourCall = unmatched.TryGetValue(Digits(vendor.Callee), out var candidates) ? Nearest(candidates, vendor.Start, startTolerance) : null;
            if (ourCall is null)
            {
                result.MissingOurs++;
                Record(result, new ReconciliationMismatch
                {
                    Kind = MismatchKind.MissingOurs, Callee = vendor.Callee, Start = vendor.Start, Line = vendor.Line, TheirSeconds = vendor.Seconds, TheirCharge = vendor.Charge,
                });
                continue;
            }

            candidates!.Remove(ourCall);
            result.Matched++;
            Compare(result, ourCall, vendor);
        }

        foreach (var ourCall in unmatched.Values.SelectMany(c => c).OrderBy(o => o.Start))
        {
            result.MissingTheirs++;
            Record(result, new ReconciliationMismatch
            {
                Kind = MismatchKind.MissingTheirs, Callee = ourCall.Callee, Start = ourCall.Start, CdrId = ourCall.Id, OurSeconds = ourCall.Seconds, OurCost = ourCall.Cost,
            });
        }

        result.DeviationPercent = result.OurCost == 0m
            ? (result.TheirCharge == 0m ? 0m : 100m)
            : Math.Round(Math.Abs(result.TheirCharge - result.OurCost) / result.OurCost * 100m, 4);
        result.AlarmRaised = result.DeviationPercent > result.AlarmThresholdPercent;
    }

    private static void Compare(Reconciliation result, OurCdr ourCall, VendorCdr vendor)
    {
        var durationOff = Math.Abs(ourCall.Seconds - vendor.Seconds) > result.DurationToleranceSeconds;
        var chargeOff = ourCall.Cost is { } cost && vendor.Charge is { } charge && Math.Abs(cost - charge) > result.ChargeTolerance;
        if (!durationOff && !chargeOff)
        {
            return;
        }

        result.DurationMismatches += durationOff ? 1 : 0;
        result.ChargeMismatches += chargeOff ? 1 : 0;
        Record(result, new ReconciliationMismatch
        {
            Kind = durationOff ? MismatchKind.Duration : MismatchKind.Charge,
            Callee = vendor.Callee, Start = vendor.Start, CdrId = ourCall.Id, Line = vendor.Line,
            OurSeconds = ourCall.Seconds, TheirSeconds = vendor.Seconds, OurCost = ourCall.Cost, TheirCharge = vendor.Charge,
        });
    }

    private static OurCdr? Nearest(List<OurCdr> candidates, DateTime start, TimeSpan tolerance)
    {
        OurCdr? best = null;
        foreach (var candidate in candidates)
        {
            var distance = (candidate.Start - start).Duration();
            if (distance <= tolerance && (best is null || distance < (best.Start - start).Duration()))
            {
                best = candidate;
            }
        }

        return best;
    }

    private static void Record(Reconciliation result, ReconciliationMismatch mismatch)
    {
        if (result.Mismatches.Count < Reconciliation.MaxStoredMismatches)
        {
            result.Mismatches.Add(mismatch);
        }
    }

    private static string Digits(string number) => new([.. number.Where(char.IsAsciiDigit)]);
}
