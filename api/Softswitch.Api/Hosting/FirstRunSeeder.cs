using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Softswitch.Api.Auth;
using Softswitch.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Softswitch.Domain;
using Route = Softswitch.Domain.Route;

namespace Softswitch.Api.Hosting;

/// <summary>
/// First run only: a platform admin key (unless one is configured) and, when <c>SeedDemo</c> is on, a demo
/// tenant with a key, accounts, a phone, gateways, a route and a rate table. Secrets are printed once and
/// never again (see <see cref="FirstRunBanner"/>): only their hashes are stored.
/// </summary>
public sealed class FirstRunSeeder(IOptions<SoftswitchOptions> options, TimeProvider time, FirstRunBanner banner)
{
    public const string DemoSipDomain = "demo.softswitch.local";

    public async Task SeedAsync(SoftswitchDbContext db, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        var softswitch = options.Value;
        if (string.IsNullOrEmpty(softswitch.PlatformAdminKey)
            && !await db.ApiKeys.AnyAsync(k => k.TenantId == null, cancellationToken))
        {
            var (key, prefix) = ApiKeySecret.Generate(platform: true);
            db.ApiKeys.Add(NewKey("Platform admin (first run)", null, prefix, key, ApiKeyScopes.Read | ApiKeyScopes.Write | ApiKeyScopes.Admin));
            await db.SaveChangesAsync(cancellationToken);
            lines.Add($"Platform admin key:  {key}");
        }

        if (softswitch.SeedDemo && !await db.Tenants.AnyAsync(cancellationToken))
        {
            lines.AddRange(await SeedDemoTenantAsync(db, cancellationToken));
        }

        if (lines.Count > 0)
        {
            banner.Show(lines);
        }
    }

    private async Task<IEnumerable<string>> SeedDemoTenantAsync(SoftswitchDbContext platformDb, CancellationToken cancellationToken)
    {
        var tenant = new Tenant { Name = "Demo Carrier", SipDomain = DemoSipDomain, Status = TenantStatus.Active, DefaultCurrency = "USD" };
        platformDb.Tenants.Add(tenant);
        var (key, prefix) = ApiKeySecret.Generate(platform: false);
        await platformDb.SaveChangesAsync(cancellationToken);
        platformDb.ApiKeys.Add(NewKey("Demo tenant admin", tenant.Id, prefix, key, ApiKeyScopes.Read | ApiKeyScopes.Write | ApiKeyScopes.Admin));
        await platformDb.SaveChangesAsync(cancellationToken);

        await using var db = new SoftswitchDbContext(
            platformDb.GetService<DbContextOptions<SoftswitchDbContext>>(), new FixedTenantContext(tenant.Id), time);
        var phonePassword = RandomNumberGenerator.GetString("abcdefghjkmnpqrstuvwxyz23456789", 16);
        var rates = new RateTable { Name = "Demo retail", Currency = "USD", Description = "Seeded at first run" };
        db.RateTables.Add(rates);
        await db.SaveChangesAsync(cancellationToken);
        db.Rates.Add(new Rate
        {
            RateTableId = rates.Id, Prefix = "1", Description = "USA/Canada", PricePerMinute = 0.01m,
            FirstIncrementSeconds = 6, NextIncrementSeconds = 6, ConnectFee = 0m, EffectiveFrom = time.GetUtcNow().UtcDateTime.Date,
        });
        var customer = new Account
        {
            Name = "Demo customer", Kind = AccountKind.Client, Currency = "USD", Balance = 50m, CreditLimit = 0m,
            Status = AccountStatus.Active, RateTableId = rates.Id,
        };
        var vendor = new Account { Name = "Demo vendor", Kind = AccountKind.Vendor, Currency = "USD", Status = AccountStatus.Active };
        db.Accounts.AddRange(customer, vendor);
        await db.SaveChangesAsync(cancellationToken);
        db.Phones.Add(new Phone
        {
            AccountId = customer.Id, Username = "1001", DisplayName = "Demo phone", Status = PhoneStatus.Active,
            Ha1Md5 = DigestHa1.Md5("1001", DemoSipDomain, phonePassword),
            Ha1Sha256 = DigestHa1.Sha256("1001", DemoSipDomain, phonePassword),
        });
        db.MappingGateways.Add(new MappingGateway
        {
            AccountId = customer.Id, Name = "demo-sipp-uac", SourceAddresses = ["127.0.0.1/32"], Status = GatewayStatus.Active,
        });
        var vendorGateway = new RoutingGateway
        {
            AccountId = vendor.Id, Name = "demo-sipp-uas", Host = "127.0.0.1", Port = 5080, Transport = SipTransport.Udp,
            Priority = 1, Weight = 100, Status = GatewayStatus.Active,
        };
        db.RoutingGateways.Add(vendorGateway);
        await db.SaveChangesAsync(cancellationToken);
        db.Routes.Add(new Route { Name = "Default", Prefix = "", RoutingGatewayIds = [vendorGateway.Id], Status = GatewayStatus.Active });
        await db.SaveChangesAsync(cancellationToken);

        return
        [
            $"Demo tenant:         {tenant.Id} (SIP domain {DemoSipDomain})",
            $"Demo tenant key:     {key}",
            $"Demo phone:          1001@{DemoSipDomain} password {phonePassword}",
        ];
    }

    private static ApiKey NewKey(string name, string? tenantId, string prefix, string key, ApiKeyScopes scopes) => new()
    {
        Name = name, TenantId = tenantId, Prefix = prefix, SecretHash = ApiKeySecret.Hash(key), Scopes = scopes,
    };
}
