using Softswitch.Sip.Auth;
using Xunit;

namespace Softswitch.Sip.Tests.Auth;

public sealed class DigestVectorTests
{
    [Fact]
    public void Rfc2617_section_3_5_example_response_is_reproduced()
    {
        var ha1 = DigestComputation.Ha1(DigestAlgorithm.Md5, "Mufasa", "testrealm@host.com", "Circle Of Life");
        var response = DigestComputation.Response(DigestAlgorithm.Md5, ha1, "dcd98b7102dd2f0e8b11d0f600bfb0c093", "00000001", "0a4f113b", "auth", "GET", "/dir/index.html");
        Assert.Equal("6629fae49393a05397450978507c4ef1", response);
    }

    [Theory]
    [InlineData(DigestAlgorithm.Md5, "8ca523f5e9506fed4657c9700eebdbec")]
    [InlineData(DigestAlgorithm.Sha256, "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1")]
    public void Rfc7616_section_3_9_1_example_responses_are_reproduced(DigestAlgorithm algorithm, string expected)
    {
        var challenge = new DigestChallenge("http-auth@example.org", "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", algorithm, "auth, auth-int",
            "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS");
        var credentials = DigestClient.Answer(challenge, "Mufasa", "Circle of Life", "GET", "/dir/index.html", 1,
            "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ");
        Assert.Equal(expected, credentials.Response);
        Assert.Equal("00000001", credentials.NonceCount);
        Assert.Equal("auth", credentials.Qop);
    }

    [Fact]
    public void Challenge_and_credentials_round_trip_through_their_header_form()
    {
        var challenge = new DigestChallenge("sip.example.com", "abc\"def", DigestAlgorithm.Sha256, Opaque: "o", Stale: true);
        Assert.True(DigestChallenge.TryParse(challenge.ToString(), out var parsedChallenge));
        Assert.Equal(challenge, parsedChallenge);

        var credentials = DigestClient.Answer(challenge, "alice", "secret", "REGISTER", "sip:sip.example.com", 3, "cn");
        Assert.True(DigestCredentials.TryParse(credentials.ToString(), out var parsedCredentials));
        Assert.Equal(credentials, parsedCredentials);
    }

    [Fact]
    public void Client_prefers_the_sha256_challenge()
    {
        var chosen = DigestClient.Choose([
            "Digest realm=\"r\", nonce=\"n\", algorithm=MD5, qop=\"auth\"",
            "Digest realm=\"r\", nonce=\"n\", algorithm=SHA-256, qop=\"auth\""]);
        Assert.Equal(DigestAlgorithm.Sha256, chosen!.Algorithm);
    }
}
