namespace Softswitch.Domain.Fraud;

/// <summary>
/// One tenant's dynamic blacklist: its enabled rules, its entries, and the evaluation the switch runs on every new
/// call and the back-test runs over stored CDRs (the same code, so a back-test answers what the switch would do). A
/// call is first checked against the entries (an expired one is gone at once); then every rule that applies counts
/// it, and a counter past its blocking level blacklists the rule's subject for the rule's expiry. Thread-safe; the
/// counters live behind <see cref="IFraudCounterStore"/>, keyed by this tenant, so nothing here reaches another tenant.
/// </summary>
public sealed class TenantBlacklist(
    string tenantId, IFraudCounterStore counters, IBlacklistFindingSink sink, int maxEntries, IScannerDestinations? scannerDestinations = null)
{
    private static readonly BlacklistSubject[] Subjects = [BlacklistSubject.Caller, BlacklistSubject.Callee, BlacklistSubject.Account];

    private readonly Lock _gate = new();
    private readonly Dictionary<BlacklistKey, BlacklistSlot> _entries = [];
    // Entries held per subject, tenant-wide and per gateway (see KindOf): a call looks up only the kinds that hold any,
    // so a table of a million blocked callers costs a clean call one lookup, not six.
    private readonly int[] _entriesByKind = new int[2 * Subjects.Length];
    private FraudRuleSpec[] _rules = [];
    private long _sweptAt;
    private long _notKept;
    // Set once a grace entry arrives: until then the rules skip looking for one (most tenants never release early).
    private volatile bool _hasAllows;

    public string TenantId => tenantId;

    public IReadOnlyList<FraudRuleSpec> Rules => Volatile.Read(ref _rules);

    public int EntryCount
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Blocks that made no entry because the table held <c>maxEntries</c> live ones (the call was still refused).</summary>
    public long EntriesNotKept => Interlocked.Read(ref _notKept);

    public void SetRules(IEnumerable<FraudRuleSpec> rules)
    {
        var next = rules.ToArray();
        var byId = next.ToDictionary(r => r.Id, StringComparer.Ordinal);
        lock (_gate)
        {
            // Entries keep their rule's current response code and expiry; a deleted rule's entries act as hand-made ones.
            foreach (var key in _entries.Keys.ToList())
            {
                ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrNullRef(_entries, key);
                if (slot.Rule is { } old)
                {
                    slot.Rule = byId.GetValueOrDefault(old.Id);
                    slot.ExtendsOnAttempt = slot.Rule is not null;
                }
            }

            Volatile.Write(ref _rules, next);
        }
    }

    /// <summary>Checks a new call against the entries, then counts it under every rule that applies.</summary>
    public BlacklistDecision Admit(in CallFacts call, DateTimeOffset now)
    {
        var rules = Volatile.Read(ref _rules);
        if (FindBlock(call, now) is { Refused: true } blocked)
        {
            return blocked;
        }

        var decision = BlacklistDecision.Admit;
        for (var i = 0; i < rules.Length; i++)
        {
            var rule = rules[i];
            if (rule.Kind == FraudRuleKind.NoAnswer || !rule.AppliesTo(call.MappingGatewayId))
            {
                continue;
            }

            if (rule.Kind == FraudRuleKind.ScannerDestinations)
            {
                if (!decision.Refused && scannerDestinations?.LastDialled(call.Callee) is { } dialled && dialled + rule.Expire > now && !rule.MonitorOnly)
                {
                    decision = new BlacklistDecision(true, new BlacklistKey(rule.ScopeOf(call.MappingGatewayId), BlacklistSubject.Callee, call.Callee), rule);
                }

                continue;
            }

            var subject = rule.Blocks;
            var key = new FraudCounterKey(tenantId, rule.Id, rule.ScopeOf(call.MappingGatewayId), call.ValueOf(subject));
            int count;
            var crossing = true;
            switch (rule.Kind)
            {
                case FraudRuleKind.CallerConcurrency:
                    count = counters.AddInFlight(key, 1, call.CallId);
                    break;
                case FraudRuleKind.DistinctCallees:
                    var member = rule.PrefixLength > 0 && call.Callee.Length > rule.PrefixLength ? call.Callee.AsSpan(0, rule.PrefixLength) : call.Callee;
                    count = counters.AddDistinct(key, member, now, rule.Window, rule.BlockingLevel + 1, call.CallId, out crossing);
                    break;
                default:
                    count = counters.Add(key, now, rule.Window, call.CallId);
                    break;
            }

            if (Judge(rule, key, new BlacklistKey(key.MappingGatewayId, subject, key.Subject), count, crossing, now) && !decision.Refused)
            {
                decision = new BlacklistDecision(true, new BlacklistKey(key.MappingGatewayId, subject, key.Subject), rule);
            }
        }

        if (decision.Refused)
        {
            Release(call);
        }

        return decision;
    }

    /// <summary>Gives back the call's place in the concurrency counters: when it ends, or when it was refused after counting.</summary>
    public void Release(in CallFacts call)
    {
        foreach (var rule in Volatile.Read(ref _rules))
        {
            if (rule.Kind == FraudRuleKind.CallerConcurrency && rule.AppliesTo(call.MappingGatewayId))
            {
                counters.AddInFlight(new FraudCounterKey(tenantId, rule.Id, rule.ScopeOf(call.MappingGatewayId), call.Caller), -1, call.CallId);
            }
        }
    }

    /// <summary>
    /// The outcome of an admitted call, for the no-answer rules: unanswered, or answered for less than the rule's
    /// minimum, counts against the callee; a longer answer starts the consecutive count again.
    /// </summary>
    public void Finished(in CallFacts call, TimeSpan? answeredFor, DateTimeOffset now)
    {
        foreach (var rule in Volatile.Read(ref _rules))
        {
            if (rule.Kind != FraudRuleKind.NoAnswer || !rule.AppliesTo(call.MappingGatewayId))
            {
                continue;
            }

            var key = new FraudCounterKey(tenantId, rule.Id, rule.ScopeOf(call.MappingGatewayId), call.Callee);
            if (answeredFor is { } answered && answered >= rule.MinAnswered && answered > TimeSpan.Zero)
            {
                counters.Clear(key);
                continue;
            }

            var count = counters.Add(key, now, rule.Window, call.CallId);
            Judge(rule, key, new BlacklistKey(key.MappingGatewayId, BlacklistSubject.Callee, call.Callee), count, true, now);
        }
    }

    /// <summary>Takes in a stored entry (at start, or one the API added); a later expiry already held wins.</summary>
    public void Apply(BlacklistEntryState entry, DateTimeOffset now)
    {
        if (entry.ExpiresAt <= now)
        {
            return;
        }

        var rule = entry.RuleId is null ? null : Array.Find(Volatile.Read(ref _rules), r => r.Id == entry.RuleId);
        lock (_gate)
        {
            if (_entries.TryGetValue(entry.Key, out var held) && held.Kind == entry.Kind && held.ExpiresAt >= entry.ExpiresAt.UtcTicks)
            {
                return;
            }

            if (!_entries.ContainsKey(entry.Key) && !HasRoom(now.UtcTicks))
            {
                Interlocked.Increment(ref _notKept);
                return;
            }

            _hasAllows |= entry.Kind == BlacklistEntryKind.Allow;
            Put(entry.Key, new BlacklistSlot
            {
                ExpiresAt = entry.ExpiresAt.UtcTicks, Rule = rule, Kind = entry.Kind, ExtendsOnAttempt = rule is not null && entry.Kind == BlacklistEntryKind.Block,
            });
        }
    }

    /// <summary>An operator released the entry (or its grace period ended early).</summary>
    public void Remove(BlacklistKey key, BlacklistEntryKind kind)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var held) && held.Kind == kind)
            {
                Drop(key);
            }
        }
    }

    /// <summary>An operator cleared a number's (or account's) counters under every rule.</summary>
    public void ResetCounters(string value) => counters.ClearSubject(tenantId, value);

    /// <summary>Whether <paramref name="key"/> is blocked at <paramref name="now"/>, without counting an attempt.</summary>
    public bool IsBlocked(BlacklistKey key, DateTimeOffset now)
    {
        lock (_gate)
        {
            return _entries.TryGetValue(key, out var slot) && slot.Kind == BlacklistEntryKind.Block && slot.ExpiresAt > now.UtcTicks;
        }
    }

    private BlacklistDecision FindBlock(in CallFacts call, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (_entries.Count == 0)
            {
                return BlacklistDecision.Admit;
            }

            foreach (var subject in Subjects)
            {
                if (_entriesByKind[KindOf(subject, null)] != 0 && Blocked(new BlacklistKey(null, subject, call.ValueOf(subject)), now) is { Refused: true } central)
                {
                    return central;
                }

                if (call.MappingGatewayId is { } gateway && _entriesByKind[KindOf(subject, gateway)] != 0
                    && Blocked(new BlacklistKey(gateway, subject, call.ValueOf(subject)), now) is { Refused: true } standalone)
                {
                    return standalone;
                }
            }

            return BlacklistDecision.Admit;
        }
    }

    private BlacklistDecision Blocked(BlacklistKey key, DateTimeOffset now)
    {
        ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrNullRef(_entries, key);
        if (System.Runtime.CompilerServices.Unsafe.IsNullRef(ref slot) || slot.Kind != BlacklistEntryKind.Block)
        {
            return BlacklistDecision.Admit;
        }

        if (slot.ExpiresAt <= now.UtcTicks)
        {
            Drop(key);
            return BlacklistDecision.Admit;
        }

        if (slot.ExtendsOnAttempt && slot.Rule is { } rule)
        {
            slot.ExpiresAt = Math.Max(slot.ExpiresAt, (now + rule.Expire).UtcTicks);
            sink.Extended(tenantId, key, new DateTimeOffset(slot.ExpiresAt, TimeSpan.Zero));
        }

        return new BlacklistDecision(true, key, slot.Rule);
    }

    /// <summary>Raises what the count calls for; true when the call is to be refused.</summary>
    private bool Judge(FraudRuleSpec rule, in FraudCounterKey counter, BlacklistKey subject, int count, bool crossing, DateTimeOffset now)
    {
        if (count == 0 || IsAllowed(subject, now))
        {
            return false;
        }

        if (rule.WarningLevel is { } warning && warning < rule.BlockingLevel && count == warning + 1 && crossing)
        {
            sink.Found(new BlacklistFinding(tenantId, BlacklistEventKind.Warning, rule, subject, count, warning, now, counters.Evidence(counter)));
        }

        if (count <= rule.BlockingLevel)
        {
            return false;
        }

        var first = count == rule.BlockingLevel + 1 && crossing;
        if (rule.MonitorOnly)
        {
            if (first)
            {
                sink.Found(new BlacklistFinding(tenantId, BlacklistEventKind.WouldBlock, rule, subject, count, rule.BlockingLevel, now, counters.Evidence(counter)));
            }

            return false;
        }

        if (rule.Expire > TimeSpan.Zero)
        {
            var expires = now + rule.Expire;
            var kept = false;
            lock (_gate)
            {
                if (_entries.ContainsKey(subject) || HasRoom(now.UtcTicks))
                {
                    Put(subject, new BlacklistSlot { ExpiresAt = expires.UtcTicks, Rule = rule, Kind = BlacklistEntryKind.Block, ExtendsOnAttempt = true });
                    kept = true;
                }
            }

            if (!kept)
            {
                Interlocked.Increment(ref _notKept);
            }

            sink.Found(new BlacklistFinding(tenantId, BlacklistEventKind.Blocked, rule, subject, count, rule.BlockingLevel, now, counters.Evidence(counter))
            {
                EntryId = kept ? IdGenerator.New(IdPrefix.DynamicBlacklistEntry, now) : null,
                ExpiresAt = expires,
            });
        }
        else if (first)
        {
            sink.Found(new BlacklistFinding(tenantId, BlacklistEventKind.Blocked, rule, subject, count, rule.BlockingLevel, now, counters.Evidence(counter)));
        }

        return true;
    }

    private bool IsAllowed(BlacklistKey subject, DateTimeOffset now)
    {
        if (!_hasAllows)
        {
            return false;
        }

        lock (_gate)
        {
            return _entries.TryGetValue(subject, out var slot) && slot.Kind == BlacklistEntryKind.Allow && slot.ExpiresAt > now.UtcTicks;
        }
    }

    /// <summary>Room for one more entry, after dropping expired ones (at most once a second). Called under the lock.</summary>
    private bool HasRoom(long now)
    {
        if (_entries.Count < maxEntries)
        {
            return true;
        }

        if (now - _sweptAt >= TimeSpan.TicksPerSecond)
        {
            _sweptAt = now;
            foreach (var (key, slot) in _entries)
            {
                if (slot.ExpiresAt <= now)
                {
                    Drop(key);
                }
            }
        }

        return _entries.Count < maxEntries;
    }

    /// <summary>Sets an entry and counts its kind when it is new. Called under the lock.</summary>
    private void Put(BlacklistKey key, BlacklistSlot slot)
    {
        ref var held = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_entries, key, out var existed);
        held = slot;
        if (!existed)
        {
            _entriesByKind[KindOf(key.Subject, key.MappingGatewayId)]++;
        }
    }

    /// <summary>Removes an entry and uncounts its kind. Called under the lock.</summary>
    private void Drop(BlacklistKey key)
    {
        if (_entries.Remove(key))
        {
            _entriesByKind[KindOf(key.Subject, key.MappingGatewayId)]--;
        }
    }

    private static int KindOf(BlacklistSubject subject, string? mappingGatewayId) => (2 * (int)subject) + (mappingGatewayId is null ? 0 : 1);
}
