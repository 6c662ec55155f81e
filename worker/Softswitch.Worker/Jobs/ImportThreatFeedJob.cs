using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Softswitch.Data;
using Softswitch.Domain;
using Softswitch.Worker.ThreatFeed;

namespace Softswitch.Worker.Jobs;

/// <summary>
/// Imports the threat feed as bans (rule <see cref="IpBan.FeedRule"/>): a listed address without a feed ban in force
/// gets one, with a security event; one that has it is extended to <c>BanHours</c> from now; an address an operator
/// lifted stays unbanned until the lifted ban would have ended. Safe to run twice. The switch picks the bans up
/// within 2 seconds.
/// </summary>
public sealed partial class ImportThreatFeedJob(
    SoftswitchDbContext db, IHttpClientFactory http, IOptions<ThreatFeedOptions> options, TimeProvider time, ILogger<ImportThreatFeedJob> logger)
{
    public const string HttpClientName = "threat-feed";

    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var feed = options.Value;
        if (feed.Source is not { } source)
        {
            return 0;
        }

        var json = feed.Url is { } url
            ? await http.CreateClient(HttpClientName).GetStringAsync(url, cancellationToken)
            : await File.ReadAllTextAsync(source, cancellationToken);
        var (addresses, invalid) = ThreatFeedDocument.Read(json, feed.MaxAddresses);
        var now = time.GetUtcNow().UtcDateTime;
        var until = now.AddHours(feed.BanHours);
        var feedBans = await db.IpBans.Where(b => b.Rule == IpBan.FeedRule && b.ExpiresAt > now).ToListAsync(cancellationToken);
        var inForce = feedBans.Where(b => b.LiftedAt == null).GroupBy(b => b.Address).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var lifted = feedBans.Where(b => b.LiftedAt != null).Select(b => b.Address).ToHashSet(StringComparer.Ordinal);
        var added = 0;
        foreach (var address in addresses.Where(a => !lifted.Contains(a)))
        {
            if (inForce.TryGetValue(address, out var ban))
            {
                ban.ExpiresAt = until;
                continue;
            }

            added++;
            db.IpBans.Add(new IpBan { Address = address, Rule = IpBan.FeedRule, Evidence = Evidence(source), Offence = 1, BannedAt = now, ExpiresAt = until });
            db.SecurityEvents.Add(new SecurityEvent
            {
                OccurredAt = now, Rule = IpBan.FeedRule, Action = SecurityAction.Ban, Address = address, BannedUntil = until, Offence = 1,
                Evidence = Evidence(source),
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        LogImported(logger, addresses.Count, added, invalid, source);
        return added;
    }

    private static string Evidence(string source) =>
        source.Length > IpBan.EvidenceMaxLength - 12 ? "threat feed" : "threat feed " + source;

    [LoggerMessage(Level = LogLevel.Information, Message = "Threat feed: {Listed} addresses listed, {Added} newly banned, {Invalid} entries skipped (from {Source})")]
    private static partial void LogImported(ILogger logger, int listed, int added, int invalid, string source);
}
