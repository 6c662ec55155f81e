using Softswitch.Domain;
using Softswitch.Switch.Numbers;

namespace Softswitch.Switch.Tests.Numbers;

public sealed class NumberSetTests
{
    private static NumberSet Of(params string[] numbers) =>
        NumberSet.FromKeys([.. numbers.Select(n => NumberKey.TryEncode(n, out var k) ? k : throw new ArgumentException(n))]);

    [Fact]
    public void A_listed_number_is_found_with_or_without_a_plus()
    {
        var set = Of("442071234567", "15551234567");

        Assert.True(set.Contains("442071234567"));
        Assert.True(set.Contains("+15551234567"));
        Assert.False(set.Contains("44207123456"));
        Assert.False(set.Contains("4420712345678"));
    }

    [Fact]
    public void Leading_zeros_are_part_of_the_number()
    {
        var set = Of("0044207");

        Assert.True(set.Contains("0044207"));
        Assert.False(set.Contains("44207"));
        Assert.False(set.Contains("044207"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("+")]
    [InlineData("anonymous")]
    [InlineData("1555*123")]
    [InlineData("1234567890123456789")]
    public void What_is_not_a_number_of_at_most_18_digits_is_never_listed(string caller)
    {
        Assert.False(Of("1555123", "123456789012345678").Contains(caller));
    }

    [Fact]
    public void Keys_are_sorted_and_made_distinct_and_survive_their_stored_bytes()
    {
        var set = Of("3", "1", "2", "1");
        Assert.Equal(3, set.Count);

        var keys = new[] { "1", "2", "3" }.Select(n => NumberKey.TryEncode(n, out var k) ? k : 0).ToArray();
        var stored = NumberSet.FromStored(NumberKey.FromBytes(NumberKey.ToBytes(keys)));
        Assert.True(stored.Contains("2"));
        Assert.Equal("2", NumberKey.Decode(keys[1]));
    }

    [Fact]
    public void Stored_keys_out_of_order_are_sorted_again_rather_than_searched_wrongly()
    {
        var keys = new[] { "9", "1", "5" }.Select(n => NumberKey.TryEncode(n, out var k) ? k : 0).ToArray();

        var set = NumberSet.FromStored(keys);

        Assert.True(set.Contains("1") && set.Contains("5") && set.Contains("9"));
    }

    [Fact]
    public void A_prefix_set_matches_numbers_starting_with_any_of_its_prefixes()
    {
        var prefixes = new PrefixSet(["1900", "+44909", "881"]);

        Assert.True(prefixes.Matches("19005550100"));
        Assert.True(prefixes.Matches("+449098790000"));
        Assert.True(prefixes.Matches("8816"));
        Assert.False(prefixes.Matches("190"));
        Assert.False(prefixes.Matches("15551234567"));
        Assert.False(PrefixSet.Empty.Matches("1"));
    }
}
