using Microsoft.EntityFrameworkCore;
using Softswitch.Data;
using Softswitch.Domain;
using Softswitch.Worker.Rollups;

namespace Softswitch.Worker.Alarms;

/// <summary>
/// The countries each account has called (<see cref="AccountCountry"/>), learnt from its CDRs. A call to a country
/// the account never called is new, except for an account with no known country at all: its first calls teach the
/// table and raise nothing (an account's history starts when the first new-country rule reads it).
/// </summary>
public sealed class CountryLearner
{
    private readonly SoftswitchDbContext _db;
    private readonly DestinationClassifier _classifier;
    private readonly Dictionary<string, HashSet<string>> _known;

    private CountryLearner(SoftswitchDbContext db, DestinationClassifier classifier)
    {
        _db = db;
        _classifier = classifier;
        _known = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
    }

    public static async Task<CountryLearner> CreateAsync(SoftswitchDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var home = await db.NumberSettings.AsNoTracking().Select(s => s.HomeCountry).SingleOrDefaultAsync(cancellationToken);
        return new CountryLearner(db, new DestinationClassifier(home));
    }

    /// <summary>Reads the stored countries of the batch's accounts not seen yet in this run (later ones are learnt in memory).</summary>
    public async Task LoadAsync(IReadOnlyList<AlarmCall> cdrs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cdrs);
        var accounts = cdrs.Select(c => c.AccountId).Where(a => !_known.ContainsKey(a)).Distinct(StringComparer.Ordinal).ToList();
        var rows = await _db.AccountCountries.AsNoTracking().Where(c => accounts.Contains(c.AccountId))
            .Select(c => new { c.AccountId, c.Country }).ToListAsync(cancellationToken);
        foreach (var account in accounts)
        {
            _known[account] = new HashSet<string>(StringComparer.Ordinal);
        }

        foreach (var row in rows)
        {
            _known[row.AccountId].Add(row.Country);
        }
    }

    /// <summary>Records the call's country; answers it when it is new to an account that had history, else null.</summary>
    public string? Learn(AlarmCall cdr)
    {
        ArgumentNullException.ThrowIfNull(cdr);
        var country = _classifier.Classify(cdr.CalleeSent ?? cdr.CalleeReceived).Country;
        var known = _known[cdr.AccountId];
        if (country.Length == 0 || known.Contains(country))
        {
            return null;
        }

        var hadHistory = known.Count > 0;
        known.Add(country);
        _db.AccountCountries.Add(new AccountCountry { AccountId = cdr.AccountId, Country = country, FirstCdrId = cdr.Id, FirstCallAt = cdr.SetupAt });
        return hadHistory ? country : null;
    }
}
