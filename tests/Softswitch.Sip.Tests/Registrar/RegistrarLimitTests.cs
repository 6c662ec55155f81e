using Softswitch.Sip.Auth;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Registrar;
using Xunit;

namespace Softswitch.Sip.Tests.Registrar;

/// <summary>What an authenticated phone, or a stolen password, can make the registrar hold is bounded.</summary>
public sealed class RegistrarLimitTests
{
    [Fact]
    public async Task Credentials_computed_for_another_uri_get_400_and_register_nothing()
    {
        var f = new RegistrarFixture();
        var challenge = await f.Registrar.HandleAsync(f.Register(), TestContext.Current.CancellationToken);
        var request = f.Register();
        var chosen = DigestClient.Choose(challenge.Headers.GetAll(SipHeaderKind.WwwAuthenticate))!;
        request.Headers.Set(SipHeaderKind.Authorization, DigestClient.Answer(chosen, "alice", "wonderland", "REGISTER", "sip:victim.example").ToString());

        var response = await f.Registrar.HandleAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(400, response.StatusCode);
        Assert.Empty(f.Registrar.Bindings.Get(RegistrarFixture.Realm, "alice"));
    }

    [Fact]
    public async Task The_same_uri_written_with_another_case_of_scheme_and_host_still_authenticates()
    {
        var f = new RegistrarFixture();
        var challenge = await f.Registrar.HandleAsync(f.Register(), TestContext.Current.CancellationToken);
        var request = f.Register();
        var chosen = DigestClient.Choose(challenge.Headers.GetAll(SipHeaderKind.WwwAuthenticate))!;
        request.Headers.Set(SipHeaderKind.Authorization, DigestClient.Answer(chosen, "alice", "wonderland", "REGISTER", "SIP:Example.COM").ToString());

        Assert.Equal(200, (await f.Registrar.HandleAsync(request, TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task An_aor_holds_at_most_its_contact_limit_and_a_register_past_it_gets_403_and_changes_nothing()
    {
        var f = new RegistrarFixture(registrar: new SipRegistrarOptions { MaxContactsPerAor = 3 });
        for (var i = 1; i <= 3; i++)
        {
            Assert.Equal(200, (await RegisterAsync(f, $"<sip:alice@192.168.1.{i}:5060>")).StatusCode);
        }

        var fourth = await RegisterAsync(f, "<sip:alice@192.168.1.4:5060>");
        var refresh = await RegisterAsync(f, "<sip:alice@192.168.1.2:5060>");
        var removed = await RegisterAsync(f, "<sip:alice@192.168.1.1:5060>", expires: 0);
        var replacement = await RegisterAsync(f, "<sip:alice@192.168.1.4:5060>");

        Assert.Equal((403, "Forbidden - Too many contacts"), (fourth.StatusCode, fourth.ReasonPhrase));
        Assert.Equal(1, f.Registrar.ContactLimitRefusals);
        Assert.Equal(200, refresh.StatusCode);
        Assert.Equal(200, removed.StatusCode);
        Assert.Equal(200, replacement.StatusCode);
        Assert.Equal(3, f.Registrar.Bindings.Get(RegistrarFixture.Realm, "alice").Count);
    }

    [Fact]
    public async Task One_realm_that_spends_its_nonce_budget_gets_503_while_another_tenants_realm_still_registers()
    {
        var f = new RegistrarFixture(digest: new DigestServerOptions { Secret = new byte[32], MaxTrackedNoncesPerRealm = 5 });
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(200, (await RegisterAsync(f, "<sip:alice@192.168.1.20:5060>")).StatusCode);
        }

        var overBudget = await RegisterAsync(f, "<sip:alice@192.168.1.20:5060>");
        var otherTenant = await RegisterAsync(f, "<sip:bob@192.168.9.9:5060>", user: "bob", domain: RegistrarFixture.OtherRealm, password: "builder");
        f.Clock.Advance(TimeSpan.FromMinutes(6)); // the realm's nonces expire and their room is given back
        var afterExpiry = await RegisterAsync(f, "<sip:alice@192.168.1.20:5060>");

        Assert.Equal(503, overBudget.StatusCode);
        Assert.Equal(DigestBudget.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), overBudget.Headers[SipHeaderKind.RetryAfter]);
        Assert.Equal(200, otherTenant.StatusCode);
        Assert.Equal(200, afterExpiry.StatusCode);
    }

    /// <summary>A REGISTER, its 401, and the answer to it with a fresh nonce.</summary>
    private static async Task<SipResponse> RegisterAsync(
        RegistrarFixture f, string contact, int expires = 3600, string user = "alice", string domain = RegistrarFixture.Realm, string password = "wonderland")
    {
        var challenge = await f.Registrar.HandleAsync(f.Register(contact, expires, user, domain), TestContext.Current.CancellationToken);
        Assert.Equal(401, challenge.StatusCode);
        var retry = RegistrarFixture.Authorize(f.Register(contact, expires, user, domain), challenge, password, user);
        return await f.Registrar.HandleAsync(retry, TestContext.Current.CancellationToken);
    }
}
