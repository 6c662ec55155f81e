using Softswitch.Sip.Messages;
using Xunit;

namespace Softswitch.Sip.Tests.Messages;

/// <summary>Tokens come from per-thread blocks of random bytes: none may repeat, across blocks or across threads.</summary>
public sealed class SipIdentifiersTests
{
    [Fact]
    public void Tags_and_branches_drawn_across_many_blocks_never_repeat()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 20_000; i++)
        {
            Assert.True(seen.Add(SipIdentifiers.NewTag()));
            Assert.True(seen.Add(SipIdentifiers.NewBranch()));
        }
    }

    [Fact]
    public void Threads_draw_different_tokens()
    {
        var perThread = new List<string>[4];
        var threads = Enumerable.Range(0, perThread.Length).Select(i => new Thread(() =>
        {
            perThread[i] = [.. Enumerable.Range(0, 5_000).Select(_ => SipIdentifiers.NewCallId("example.com"))];
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => Assert.True(t.Join(TimeSpan.FromSeconds(30))));

        var all = perThread.SelectMany(tokens => tokens).ToList();
        Assert.Equal(all.Count, all.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Tokens_have_their_RFC_shape()
    {
        Assert.Matches("^z9hG4bK[0-9a-f]{24}$", SipIdentifiers.NewBranch());
        Assert.Matches("^[0-9a-f]{16}$", SipIdentifiers.NewTag());
        Assert.Matches("^[0-9a-f]{32}@example.com$", SipIdentifiers.NewCallId("example.com"));
    }

    [Fact]
    public void A_request_larger_than_a_block_is_filled_whole()
    {
        var bytes = new byte[1024];
        RandomBytes.Fill(bytes);

        Assert.True(bytes.Distinct().Count() > 100);
    }
}
