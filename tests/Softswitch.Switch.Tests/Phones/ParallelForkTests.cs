using Softswitch.Switch.Calls;

namespace Softswitch.Switch.Tests.Phones;

/// <summary>The choices of parallel forking (RFC 3261 §16.7): which 18x the caller hears, who is cancelled, the best response.</summary>
public sealed class ParallelForkTests
{
    [Fact]
    public void The_first_ringing_branch_is_the_one_the_caller_hears()
    {
        var fork = Fork("desk", "mobile");

        Assert.True(fork.Relays("mobile"));
        Assert.False(fork.Relays("desk"));
        Assert.True(fork.Relays("mobile"));
    }

    [Fact]
    public void The_first_answer_leaves_every_other_pending_branch_to_cancel()
    {
        var fork = Fork("desk", "mobile", "softphone");
        Assert.Null(fork.Fail("softphone", 486));

        Assert.Equal(["desk"], fork.Answer("mobile"));
        Assert.Equal(0, fork.Pending);
    }

    [Fact]
    public void A_6xx_ends_the_search_while_other_branches_still_ring()
    {
        var fork = Fork("desk", "mobile");

        Assert.Equal(603, fork.Fail("desk", 603));
        Assert.Equal(["mobile"], fork.TakePending());
    }

    [Theory]
    [InlineData(486, 408, 486)]
    [InlineData(408, 408, 408)]
    [InlineData(503, 502, 500)]
    [InlineData(404, 302, 302)]
    [InlineData(480, 407, 407)]
    public void When_every_branch_fails_the_caller_gets_the_best_response(int first, int second, int expected)
    {
        var fork = Fork("desk", "mobile");

        Assert.Null(fork.Fail("desk", first));
        Assert.Equal(expected, fork.Fail("mobile", second));
    }

    [Theory]
    [InlineData(10, 10, 5)]
    [InlineData(3, 10, 3)]
    [InlineData(4, 2, 2)]
    [InlineData(4, 0, 0)]
    public void A_call_rings_at_most_five_contacts_within_its_invite_budget(int contacts, int budget, int expected) =>
        Assert.Equal(expected, ParallelFork<string>.BranchCount(contacts, budget));

    [Fact]
    public void A_branch_that_is_not_pending_cannot_answer_or_fail()
    {
        var fork = Fork("desk");

        Assert.Throws<InvalidOperationException>(() => fork.Answer("mobile"));
        Assert.Throws<InvalidOperationException>(() => fork.Fail("mobile", 486));
    }

    private static ParallelFork<string> Fork(params string[] branches)
    {
        var fork = new ParallelFork<string>();
        foreach (var branch in branches)
        {
            fork.Add(branch);
        }

        return fork;
    }
}
