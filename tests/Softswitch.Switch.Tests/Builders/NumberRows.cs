using Softswitch.Domain;
using Softswitch.Switch.Numbers;

namespace Softswitch.Switch.Tests.Builders;

/// <summary>Builds number groups, lists and settings of one or more tenants and the <see cref="NumberPlan"/> made of them.</summary>
public sealed class NumberRows
{
    private readonly List<NumberGroup> _groups = [];
    private readonly List<NumberList> _lists = [];
    private readonly List<NumberSettings> _settings = [];
    private readonly Dictionary<string, string[]> _numbers = [];

    public NumberRows Group(string tenant, string id, params string[] prefixes)
    {
        _groups.Add(new NumberGroup { TenantId = tenant, Id = id, Name = id, Prefixes = [.. prefixes] });
        return this;
    }

    public NumberRows List(
        string tenant, string id, NumberListKind kind, NumberSide match, string[] numbers, int status = 403, string[]? groups = null)
    {
        _lists.Add(new NumberList { TenantId = tenant, Id = id, Name = id, Kind = kind, Match = match, RefusalStatus = status, NumberGroupIds = [.. groups ?? []] });
        _numbers[id] = numbers;
        return this;
    }

    public NumberRows Settings(string tenant, string? homeCountry, params string[] highRisk)
    {
        _settings.Add(new NumberSettings { TenantId = tenant, HomeCountry = homeCountry, HighRiskPrefixes = highRisk.Length > 0 ? [.. highRisk] : [.. DefaultHighRiskPrefixes.All] });
        return this;
    }

    public NumberPlan Plan() => NumberPlanBuilder.Build(_groups, _settings, _lists, l => Keys(_numbers[l.Id]), null);

    public NumberPlanSource Source() => new(Plan());

    private static NumberSet Keys(string[] numbers) =>
        NumberSet.FromKeys([.. numbers.Select(n => NumberKey.TryEncode(n, out var key) ? key : throw new ArgumentException(n))]);
}
