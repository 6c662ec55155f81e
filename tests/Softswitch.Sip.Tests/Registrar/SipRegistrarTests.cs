using Softswitch.Sip.Auth;
using Softswitch.Sip.Messages;
using Xunit;

namespace Softswitch.Sip.Tests.Registrar;

public sealed class SipRegistrarTests
{
    private readonly RegistrarFixture _f = new();

    private async Task<SipResponse> RegisterWithPasswordAsync(SipRequest request, string password = "wonderland")
    {
        var challenge = await _f.Registrar.HandleAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(401, challenge.StatusCode);
        var retry = RegistrarFixture.Authorize(_f.Register(request.Contacts[0].ToString(), request.Expires), challenge, password);
        return await _f.Registrar.HandleAsync(retry, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Register_without_credentials_is_challenged_with_sha256_and_md5()
    {
        var response = await _f.Registrar.HandleAsync(_f.Register(), TestContext.Current.CancellationToken);
        Assert.Equal(401, response.StatusCode);
        var challenges = response.Headers.GetAll(SipHeaderKind.WwwAuthenticate).Select(h => DigestChallenge.TryParse(h, out var c) ? c : null).ToList();
        Assert.Equal([DigestAlgorithm.Sha256, DigestAlgorithm.Md5], challenges.Select(c => c!.Algorithm));
        Assert.All(challenges, c => Assert.Equal("auth", c!.Qop));
        Assert.Equal(challenges[0]!.Nonce, challenges[1]!.Nonce);
    }

    [Fact]
    public async Task Correct_password_registers_and_200_lists_the_contact_with_its_expiry()
    {
        var response = await RegisterWithPasswordAsync(_f.Register());
        Assert.Equal(200, response.StatusCode);
        var contact = Assert.Single(response.Contacts);
        Assert.Equal("3600", contact.Parameters["expires"]);
        var binding = Assert.Single(_f.Registrar.Bindings.Get("example.com", "alice"));
        Assert.Equal(_f.Source, binding.Source);
    }

    [Fact]
    public async Task Md5_credentials_are_accepted_too()
    {
        var challenge = await _f.Registrar.HandleAsync(_f.Register(), TestContext.Current.CancellationToken);
        var md5 = challenge.Headers.GetAll(SipHeaderKind.WwwAuthenticate).Select(h => DigestChallenge.TryParse(h, out var c) ? c : null).Single(c => c!.Algorithm == DigestAlgorithm.Md5)!;
        var request = _f.Register();
        request.Headers.Add(SipHeaderKind.Authorization, DigestClient.Answer(md5, "alice", "wonderland", "REGISTER", request.RequestUriText).ToString());
        Assert.Equal(200, (await _f.Registrar.HandleAsync(request, TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Wrong_password_gets_a_fresh_challenge_then_403_on_the_second_failure()
    {
        var first = await RegisterWithPasswordAsync(_f.Register(), "guess");
        Assert.Equal(401, first.StatusCode);
        var second = await _f.Registrar.HandleAsync(RegistrarFixture.Authorize(_f.Register(), first, "guess2"), TestContext.Current.CancellationToken);
        Assert.Equal(403, second.StatusCode);
        Assert.Empty(_f.Registrar.Bindings.Get("example.com", "alice"));
    }

    [Fact]
    public async Task Expired_nonce_gets_stale_true()
    {
        var challenge = await _f.Registrar.HandleAsync(_f.Register(), TestContext.Current.CancellationToken);
        _f.Clock.Advance(TimeSpan.FromMinutes(6));
        var response = await _f.Registrar.HandleAsync(RegistrarFixture.Authorize(_f.Register(), challenge, "wonderland"), TestContext.Current.CancellationToken);
        Assert.Equal(401, response.StatusCode);
        Assert.Contains("stale=true", response.Headers[SipHeaderKind.WwwAuthenticate], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replayed_nonce_count_is_refused()
    {
        var challenge = await _f.Registrar.HandleAsync(_f.Register(), TestContext.Current.CancellationToken);
        var first = RegistrarFixture.Authorize(_f.Register(), challenge, "wonderland");
        Assert.Equal(200, (await _f.Registrar.HandleAsync(first, TestContext.Current.CancellationToken)).StatusCode);

        var replay = _f.Register();
        replay.Headers.Set(SipHeaderKind.Authorization, first.Headers[SipHeaderKind.Authorization]!);
        Assert.Equal(401, (await _f.Registrar.HandleAsync(replay, TestContext.Current.CancellationToken)).StatusCode);

        var next = RegistrarFixture.Authorize(_f.Register(), challenge, "wonderland", nonceCount: 2);
        Assert.Equal(200, (await _f.Registrar.HandleAsync(next, TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Too_brief_expiry_gets_423_with_min_expires()
    {
        var response = await RegisterWithPasswordAsync(_f.Register(expires: 10));
        Assert.Equal(423, response.StatusCode);
        Assert.Equal("60", response.Headers[SipHeaderKind.MinExpires]);
    }

    [Fact]
    public async Task Several_contacts_expire_individually()
    {
        Assert.Equal(200, (await RegisterWithPasswordAsync(_f.Register("<sip:alice@192.168.1.20:5060>", expires: 120))).StatusCode);
        Assert.Equal(200, (await RegisterWithPasswordAsync(_f.Register("<sip:alice@192.168.1.21:5060>", expires: 600))).StatusCode);
        Assert.Equal(2, _f.Registrar.Bindings.Get("example.com", "alice").Count);

        _f.Clock.Advance(TimeSpan.FromSeconds(121));
        var left = Assert.Single(_f.Registrar.Bindings.Get("example.com", "alice"));
        Assert.Equal("192.168.1.21", left.Contact.Uri.Host);
    }

    [Fact]
    public async Task Expires_zero_removes_one_binding_and_wildcard_removes_all()
    {
        await RegisterWithPasswordAsync(_f.Register("<sip:alice@192.168.1.20:5060>"));
        await RegisterWithPasswordAsync(_f.Register("<sip:alice@192.168.1.21:5060>"));
        await RegisterWithPasswordAsync(_f.Register("<sip:alice@192.168.1.20:5060>", expires: 0));
        Assert.Single(_f.Registrar.Bindings.Get("example.com", "alice"));

        var response = await RegisterWithPasswordAsync(_f.Register("*", expires: 0));
        Assert.Equal(200, response.StatusCode);
        Assert.Empty(response.Contacts);
        Assert.Equal(0, _f.Registrar.Bindings.Count);
    }

    [Fact]
    public async Task Unknown_user_is_challenged_then_forbidden()
    {
        var challenge = await _f.Registrar.HandleAsync(_f.Register(user: "mallory"), TestContext.Current.CancellationToken);
        var first = await _f.Registrar.HandleAsync(RegistrarFixture.Authorize(_f.Register(user: "mallory"), challenge, "x", user: "mallory"), TestContext.Current.CancellationToken);
        Assert.Equal(401, first.StatusCode);
        var second = await _f.Registrar.HandleAsync(RegistrarFixture.Authorize(_f.Register(user: "mallory"), first, "x", user: "mallory"), TestContext.Current.CancellationToken);
        Assert.Equal(403, second.StatusCode);
    }
}
