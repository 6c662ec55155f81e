using System.Globalization;
using Softswitch.Domain;

namespace Softswitch.Worker.Rollups;

/// <summary>
/// Folds CDRs of one tenant into <see cref="CdrRollup"/> sums: one row per (dimension, hour, key, sub-key), each CDR
/// counted once in every dimension. The hour is the UTC hour of the call's setup (its day, for the daily dimensions).
/// </summary>
public sealed class RollupAccumulator(DestinationClassifier destinations)
{
    private readonly Dictionary<(RollupDimension Dimension, DateTime Hour, string Key, string SubKey), CdrRollup> _rows = [];

    public IReadOnlyCollection<CdrRollup> Rows => _rows.Values;

    public static DateTime HourOf(DateTime utc) => new(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerHour), DateTimeKind.Utc);

    public void Add(Cdr cdr)
    {
        ArgumentNullException.ThrowIfNull(cdr);
        FoldEverywhere(cdr, Measure(cdr), withAttempts: true);
    }

    /// <summary>
    /// A correction of a CDR already folded: its charge moves by <paramref name="chargeMicros"/> in every row the CDR
    /// counted in (its calls, minutes and attempts stay as they were).
    /// </summary>
    public void AddChargeCorrection(Cdr cdr, long chargeMicros)
    {
        ArgumentNullException.ThrowIfNull(cdr);
        FoldEverywhere(cdr, new CdrRollup { ChargeMicros = chargeMicros }, withAttempts: false);
    }

    private void FoldEverywhere(Cdr cdr, CdrRollup call, bool withAttempts)
    {
        var hour = HourOf(cdr.SetupAt);
        var country = destinations.Classify(cdr.CalleeSent ?? cdr.CalleeReceived);

        Fold(RollupDimension.Total, hour, "", "", call);
        Fold(RollupDimension.MappingGateway, hour, cdr.MappingGatewayId ?? "", cdr.MappingGatewayId is null ? cdr.PhoneId ?? "" : "", call);
        FoldArea(RollupDimension.MappingGatewayArea, RollupDimension.MappingGatewayAreaDaily, hour, cdr.MappingGatewayId ?? "", country.Country, call);
        Fold(RollupDimension.Account, hour, cdr.AccountId ?? "", "", call);
        Fold(RollupDimension.Destination, hour, country.Country, country.NumberType, call);
        Fold(RollupDimension.FinalCode, hour, cdr.FinalCode.ToString(CultureInfo.InvariantCulture), "", call);
        if (cdr.RefusalRule is { } rule)
        {
            Fold(RollupDimension.RefusalRule, hour, rule, "", call);
        }

        // The call (its answer, minutes and money) belongs to the gateway of its last attempt; every gateway tried gets its attempts.
        foreach (var tried in cdr.Attempts.GroupBy(a => a.RoutingGatewayId, StringComparer.Ordinal))
        {
            var answering = string.Equals(tried.Key, cdr.RoutingGatewayId, StringComparison.Ordinal);
            if (!withAttempts && !answering)
            {
                continue;
            }

            var vendor = answering ? Clone(call) : new CdrRollup();
            vendor.Attempts = withAttempts ? tried.Count() : 0;
            Fold(RollupDimension.RoutingGateway, hour, tried.Key, "", vendor);
            FoldArea(RollupDimension.RoutingGatewayArea, RollupDimension.RoutingGatewayAreaDaily, hour, tried.Key, country.Country, vendor);
        }
    }

    private static CdrRollup Measure(Cdr cdr)
    {
        var reachedVendor = cdr.Attempts.Count > 0;
        return new CdrRollup
        {
            Calls = 1,
            Refused = cdr.RefusalRule is null ? 0 : 1,
            Attempts = cdr.Attempts.Count,
            Answered = cdr.AnswerAt is null ? 0 : 1,
            DurationMilliseconds = cdr.DurationMilliseconds,
            // Post-dial delay is the network's: a call refused or unrouted here never dialled anyone.
            PddMilliseconds = reachedVendor ? cdr.PddMilliseconds ?? 0 : 0,
            PddCalls = reachedVendor && cdr.PddMilliseconds is not null ? 1 : 0,
            BilledSeconds = cdr.BilledSeconds,
            ChargeMicros = cdr.Charge is { } charge ? Money.ToMicros(charge) : 0,
            CostMicros = cdr.Cost is { } cost ? Money.ToMicros(cost) : 0,
        };
    }

    private static CdrRollup Clone(CdrRollup sums)
    {
        var copy = new CdrRollup();
        copy.Add(sums);
        return copy;
    }

    private void FoldArea(RollupDimension hourly, RollupDimension daily, DateTime hour, string gateway, string country, CdrRollup sums)
    {
        Fold(hourly, hour, gateway, country, sums);
        Fold(daily, DateTime.SpecifyKind(hour.Date, DateTimeKind.Utc), gateway, country, sums);
    }

    private void Fold(RollupDimension dimension, DateTime hour, string key, string subKey, CdrRollup sums)
    {
        var id = (dimension, hour, Fit(key, CdrRollup.KeyMaxLength), Fit(subKey, CdrRollup.SubKeyMaxLength));
        if (!_rows.TryGetValue(id, out var row))
        {
            _rows[id] = row = new CdrRollup { Dimension = dimension, Hour = hour, Key = id.Item3, SubKey = id.Item4 };
        }

        row.Add(sums);
    }

    private static string Fit(string value, int maxLength) => value.Length > maxLength ? value[..maxLength] : value;
}
