using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Softswitch.Data.Configurations;
using Softswitch.Data.Conventions;
using Softswitch.Domain;

namespace Softswitch.Data;

/// <summary>
/// The control-plane database. One model serves SQLite and SQL Server; the provider-specific
/// parts (money storage, binary collation) are chosen from the configured provider, and each
/// provider keeps its migrations in its own assembly.
/// </summary>
/// <remarks>
/// Tenant isolation: every <see cref="TenantEntity"/> set is filtered to <see cref="CurrentTenantId"/>
/// (named filter <see cref="TenantFilter"/>), and saving a tenant row of another tenant throws.
/// Bulk <c>ExecuteUpdate</c>/<c>ExecuteDelete</c> bypass <see cref="SaveChanges(bool)"/>: callers must set
/// <see cref="Entity.UpdatedAt"/> and increment <see cref="Entity.Version"/> themselves.
/// </remarks>
public class SoftswitchDbContext : DbContext
{
    private readonly ITenantContext _tenantContext;
    private readonly TimeProvider _timeProvider;

    public SoftswitchDbContext(
        DbContextOptions<SoftswitchDbContext> options,
        ITenantContext tenantContext,
        TimeProvider timeProvider)
        : base(options)
    {
        ArgumentNullException.ThrowIfNull(tenantContext);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _tenantContext = tenantContext;
        _timeProvider = timeProvider;

        // A new row gets its tenant as soon as it is added, so the caller sees it before saving.
        ChangeTracker.Tracked += (_, e) =>
        {
            if (e.Entry.State == EntityState.Added && e.Entry.Entity is TenantEntity { TenantId: "" } row && CurrentTenantId is { } current)
            {
                e.Entry.Property(nameof(TenantEntity.TenantId)).CurrentValue = current;
            }
        };
    }

    /// <summary>Name of the tenant query filter, for <c>IgnoreQueryFilters([SoftswitchDbContext.TenantFilter])</c>.</summary>
    public const string TenantFilter = "Tenant";

    internal const string SqliteProviderName = "Microsoft.EntityFrameworkCore.Sqlite";
    internal const string SqlServerProviderName = "Microsoft.EntityFrameworkCore.SqlServer";

    public DbSet<Tenant> Tenants => Set<Tenant>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<Account> Accounts => Set<Account>();

    public DbSet<Phone> Phones => Set<Phone>();

    public DbSet<MappingGateway> MappingGateways => Set<MappingGateway>();

    public DbSet<RoutingGateway> RoutingGateways => Set<RoutingGateway>();

    public DbSet<Route> Routes => Set<Route>();

    public DbSet<RateTable> RateTables => Set<RateTable>();

    public DbSet<Rate> Rates => Set<Rate>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public DbSet<Cdr> Cdrs => Set<Cdr>();

    public DbSet<IngressClaimLock> IngressClaimLocks => Set<IngressClaimLock>();

    public DbSet<IpBan> IpBans => Set<IpBan>();

    public DbSet<ScannerDestination> ScannerDestinations => Set<ScannerDestination>();

    public DbSet<SecurityEvent> SecurityEvents => Set<SecurityEvent>();

    public DbSet<TrustedAddress> TrustedAddresses => Set<TrustedAddress>();

    public DbSet<RedirectProfile> RedirectProfiles => Set<RedirectProfile>();

    public DbSet<SignallingRuleSettings> SignallingRuleSettings => Set<SignallingRuleSettings>();
    public DbSet<IpRangeSet> IpRangeSets => Set<IpRangeSet>();

    public DbSet<IpRange> IpRanges => Set<IpRange>();

    public DbSet<Geofence> Geofences => Set<Geofence>();
    public DbSet<FraudRule> FraudRules => Set<FraudRule>();

    public DbSet<DynamicBlacklistEntry> DynamicBlacklistEntries => Set<DynamicBlacklistEntry>();

    public DbSet<DynamicBlacklistEvent> DynamicBlacklistEvents => Set<DynamicBlacklistEvent>();

    public DbSet<GatewayHealthEvent> GatewayHealthEvents => Set<GatewayHealthEvent>();
    public DbSet<NumberGroup> NumberGroups => Set<NumberGroup>();

    public DbSet<NumberList> NumberLists => Set<NumberList>();

    public DbSet<NumberListContent> NumberListContents => Set<NumberListContent>();

    public DbSet<NumberSettings> NumberSettings => Set<NumberSettings>();

    public DbSet<LedgerEntry> LedgerEntries => Set<LedgerEntry>();

    public DbSet<CdrCorrection> CdrCorrections => Set<CdrCorrection>();

    public DbSet<Reconciliation> Reconciliations => Set<Reconciliation>();

    public DbSet<Package> Packages => Set<Package>();

    public DbSet<Subscription> Subscriptions => Set<Subscription>();

    public DbSet<PackageCharge> PackageCharges => Set<PackageCharge>();

    public DbSet<PackageUsage> PackageUsages => Set<PackageUsage>();

    public DbSet<WebhookEndpoint> WebhookEndpoints => Set<WebhookEndpoint>();

    public DbSet<WebhookEvent> WebhookEvents => Set<WebhookEvent>();

    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    public DbSet<CdrRollup> CdrRollups => Set<CdrRollup>();

    public DbSet<CdrRollupWatermark> CdrRollupWatermarks => Set<CdrRollupWatermark>();

    public DbSet<AlarmRule> AlarmRules => Set<AlarmRule>();

    public DbSet<Alarm> Alarms => Set<Alarm>();

    public DbSet<AlarmSettings> AlarmSettings => Set<AlarmSettings>();

    public DbSet<AlarmCursor> AlarmCursors => Set<AlarmCursor>();

    public DbSet<AccountCountry> AccountCountries => Set<AccountCountry>();

    /// <summary>
    /// The tenant whose rows this context sees. Read by the query filters on every query, so EF
    /// sends it as a parameter; null shows no tenant rows at all.
    /// </summary>
    public string? CurrentTenantId => _tenantContext.TenantId;

    internal TimeProvider Clock => _timeProvider;

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampChanges();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampChanges();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(16).AreUnicode(false);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();

        if (Database.ProviderName == SqliteProviderName)
        {
            configurationBuilder.Properties<decimal>().HaveConversion<MoneyMicrosConverter>();
        }
        else
        {
            configurationBuilder.Properties<decimal>().HavePrecision(Money.Precision, Money.Scale);
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfiguration(new TenantConfiguration());
        modelBuilder.ApplyConfiguration(new ApiKeyConfiguration());
        modelBuilder.ApplyConfiguration(new AccountConfiguration());
        modelBuilder.ApplyConfiguration(new PhoneConfiguration());
        modelBuilder.ApplyConfiguration(new MappingGatewayConfiguration());
        modelBuilder.ApplyConfiguration(new RoutingGatewayConfiguration());
        modelBuilder.ApplyConfiguration(new RouteConfiguration());
        modelBuilder.ApplyConfiguration(new RateTableConfiguration());
        modelBuilder.ApplyConfiguration(new RateConfiguration());
        modelBuilder.ApplyConfiguration(new IdempotencyRecordConfiguration());
        modelBuilder.ApplyConfiguration(new CdrConfiguration());
        modelBuilder.ApplyConfiguration(new IngressClaimLockConfiguration());
        modelBuilder.ApplyConfiguration(new IpBanConfiguration());
        modelBuilder.ApplyConfiguration(new ScannerDestinationConfiguration());
        modelBuilder.ApplyConfiguration(new SecurityEventConfiguration());
        modelBuilder.ApplyConfiguration(new TrustedAddressConfiguration());
        modelBuilder.ApplyConfiguration(new SignallingRuleSettingsConfiguration());
        modelBuilder.ApplyConfiguration(new IpRangeSetConfiguration());
        modelBuilder.ApplyConfiguration(new IpRangeConfiguration());
        modelBuilder.ApplyConfiguration(new GeofenceConfiguration());
        modelBuilder.ApplyConfiguration(new FraudRuleConfiguration());
        modelBuilder.ApplyConfiguration(new DynamicBlacklistEntryConfiguration());
        modelBuilder.ApplyConfiguration(new DynamicBlacklistEventConfiguration());
        modelBuilder.ApplyConfiguration(new GatewayHealthEventConfiguration());
        modelBuilder.ApplyConfiguration(new NumberGroupConfiguration());
        modelBuilder.ApplyConfiguration(new NumberListConfiguration());
        modelBuilder.ApplyConfiguration(new NumberListContentConfiguration());
        modelBuilder.ApplyConfiguration(new NumberSettingsConfiguration());
        modelBuilder.ApplyConfiguration(new LedgerEntryConfiguration());
        modelBuilder.ApplyConfiguration(new CdrCorrectionConfiguration());
        modelBuilder.ApplyConfiguration(new ReconciliationConfiguration());
        modelBuilder.ApplyConfiguration(new PackageConfiguration());
        modelBuilder.ApplyConfiguration(new SubscriptionConfiguration());
        modelBuilder.ApplyConfiguration(new PackageChargeConfiguration());
        modelBuilder.ApplyConfiguration(new PackageUsageConfiguration());
        modelBuilder.ApplyConfiguration(new WebhookEndpointConfiguration());
        modelBuilder.ApplyConfiguration(new WebhookEventConfiguration());
        modelBuilder.ApplyConfiguration(new WebhookDeliveryConfiguration());
        modelBuilder.ApplyConfiguration(new CdrRollupConfiguration());
        modelBuilder.ApplyConfiguration(new CdrRollupWatermarkConfiguration());
        modelBuilder.ApplyConfiguration(new RedirectProfileConfiguration());
        modelBuilder.ApplyConfiguration(new AlarmRuleConfiguration());
        modelBuilder.ApplyConfiguration(new AlarmConfiguration());
        modelBuilder.ApplyConfiguration(new AlarmSettingsConfiguration());
        modelBuilder.ApplyConfiguration(new AlarmCursorConfiguration());
        modelBuilder.ApplyConfiguration(new AccountCountryConfiguration());

        foreach (var entityType in modelBuilder.Model.GetEntityTypes().ToList())
        {
            if (typeof(TenantEntity).IsAssignableFrom(entityType.ClrType))
            {
                modelBuilder.Entity(entityType.ClrType).HasQueryFilter(TenantFilter, TenantFilterFor(entityType.ClrType));
            }

            // Key and foreign-key columns hold ids: ordinal, so ordering by id is creation order.
            foreach (var property in entityType.GetDeclaredProperties())
            {
                if (property.ClrType == typeof(string) && (property.IsKey() || property.IsForeignKey()))
                {
                    OrdinalText.MarkOrdinal(property);
                }
            }
        }

        OrdinalText.Apply(modelBuilder.Model, useBinaryCollation: Database.ProviderName == SqlServerProviderName);
    }

    // e => e.TenantId == this.CurrentTenantId; EF turns the context member into a query parameter.
    private LambdaExpression TenantFilterFor(Type clrType)
    {
        var entity = Expression.Parameter(clrType, "e");
        var body = Expression.Equal(
            Expression.Property(entity, nameof(TenantEntity.TenantId)),
            Expression.Property(Expression.Constant(this), nameof(CurrentTenantId)));
        return Expression.Lambda(body, entity);
    }

    private void StampChanges()
    {
        ChangeTracker.DetectChanges();
        var now = _timeProvider.GetUtcNow();
        foreach (var entry in ChangeTracker.Entries<Entity>())
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    StampAdded(entry, now);
                    break;
                case EntityState.Modified:
                    GuardExistingTenantRow(entry);
                    entry.Property(e => e.CreatedAt).IsModified = false;
                    entry.Property(e => e.UpdatedAt).CurrentValue = now.UtcDateTime;
                    entry.Property(e => e.Version).CurrentValue = entry.Property(e => e.Version).OriginalValue + 1;
                    break;
                case EntityState.Deleted:
                    GuardExistingTenantRow(entry);
                    break;
            }
        }
    }

    private void StampAdded(EntityEntry<Entity> entry, DateTimeOffset now)
    {
        if (entry.Entity is TenantEntity row)
        {
            var current = CurrentTenantId;
            if (row.TenantId.Length == 0 && current is not null)
            {
                entry.Property(nameof(TenantEntity.TenantId)).CurrentValue = current;
            }

            if (current is null || !string.Equals(row.TenantId, current, StringComparison.Ordinal))
            {
                throw new InvalidOperationException(
                    $"Refusing to insert {entry.Metadata.ClrType.Name} for tenant '{row.TenantId}' while acting for tenant '{current ?? "(none)"}'.");
            }
        }

        if (string.IsNullOrEmpty(entry.Entity.Id))
        {
            entry.Property(e => e.Id).CurrentValue = IdGenerator.New(IdPrefix.For(entry.Entity), now);
        }

        entry.Property(e => e.CreatedAt).CurrentValue = now.UtcDateTime;
        entry.Property(e => e.UpdatedAt).CurrentValue = now.UtcDateTime;
        entry.Property(e => e.Version).CurrentValue = 1;
    }

    // Rows of other tenants are invisible through the filter; one can only get here by attaching
    // a row built by hand, which must not reach another tenant's data. Platform work (no current
    // tenant) that deliberately loaded rows with IgnoreQueryFilters may update them.
    private void GuardExistingTenantRow(EntityEntry<Entity> entry)
    {
        if (entry.Entity is TenantEntity row && CurrentTenantId is { } current
            && !string.Equals(row.TenantId, current, StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"Refusing to change {entry.Metadata.ClrType.Name} '{row.Id}' of another tenant while acting for tenant '{current}'.");
        }
    }
}
