using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Softswitch.Media.Sip;

namespace Softswitch.Api.Hosting;

/// <summary>
/// Prints the first-run secrets once the server has started, with the addresses it really listens on (Kestrel's bound
/// addresses, dynamic ports resolved, and the SIP listener), so the examples work whatever <c>--urls</c> said. If the
/// host never starts, the secrets are printed when it is disposed, without addresses: they exist only here.
/// </summary>
public sealed class FirstRunBanner(
    IServer server, IHostApplicationLifetime lifetime, ProcessRoles roles, IServiceProvider services, TextWriter output)
    : IDisposable
{
    private readonly Lock _gate = new();
    private IReadOnlyList<string>? _pending;
    private CancellationTokenRegistration _started;

    /// <summary>Prints <paramref name="secrets"/> as soon as the host has started (at once if it already has).</summary>
    public void Show(IReadOnlyList<string> secrets)
    {
        lock (_gate)
        {
            _pending = secrets;
        }

        _started = lifetime.ApplicationStarted.Register(() => Print(withAddresses: true));
    }

    public void Dispose()
    {
        _started.Dispose();
        Print(withAddresses: false);
    }

    private void Print(bool withAddresses)
    {
        IReadOnlyList<string> secrets;
        lock (_gate)
        {
            if (_pending is null)
            {
                return;
            }

            secrets = _pending;
            _pending = null;
        }

        var text = new StringBuilder()
            .AppendLine()
            .AppendLine("==== Softswitch first run: these secrets are shown once and stored only as hashes ====");
        foreach (var line in secrets)
        {
            text.Append("  ").AppendLine(line);
        }

        if (withAddresses)
        {
            AppendAddresses(text);
        }

        text.AppendLine("======================================================================================");
        output.WriteLine(text.ToString());
        output.Flush();
    }

    private void AppendAddresses(StringBuilder text)
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses.ToArray() ?? [];
        if (addresses.Length > 0)
        {
            text.Append("  HTTP listening on:   ").AppendLine(string.Join(", ", addresses));
        }

        if (roles.Switch && services.GetService<SipSwitchService>() is { } sip)
        {
            text.Append("  SIP listening on:    UDP and TCP ").AppendLine(sip.LocalEndPoint.ToString());
        }

        if (roles.Api && addresses.Length > 0)
        {
            var api = Reachable(addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses[0]);
            text.AppendLine($"  Try: curl -H \"Authorization: Bearer <demo tenant key>\" {api}/v1/accounts")
                .AppendLine($"  Swagger UI: {api}/swagger   Jobs: {api}/hangfire (platform key as password)");
        }
    }

    /// <summary>A wildcard listen address (0.0.0.0, [::], + or *) as a URL a local curl can use.</summary>
    private static string Reachable(string address)
    {
        var uri = new UriBuilder(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        if (uri.Host is "0.0.0.0" or "[::]" or "::")
        {
            uri.Host = "localhost";
        }

        return uri.Uri.GetLeftPart(UriPartial.Authority);
    }
}
