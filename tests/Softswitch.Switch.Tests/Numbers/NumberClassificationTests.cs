using PhoneNumbers;
using Softswitch.Switch.Numbers;
using Softswitch.Switch.Tests.Builders;

namespace Softswitch.Switch.Tests.Numbers;

/// <summary>Number classes: libphonenumber's premium-rate, shared-cost and invalid; satellite, high-risk and international by prefix.</summary>
public sealed class NumberClassificationTests
{
    internal static string Example(string region, PhoneNumberType type)
    {
        var util = PhoneNumberUtil.GetInstance();
        return util.Format(util.GetExampleNumberForType(region, type), PhoneNumberFormat.E164)[1..];
    }

    private static TenantNumbers Tenant(string? home = "GB", params string[] highRisk) =>
        new NumberRows().Settings("t", home, highRisk).Plan().For("t")!;

    [Theory]
    [InlineData("GB", PhoneNumberType.PREMIUM_RATE, NumberClasses.PremiumRate)]
    [InlineData("US", PhoneNumberType.PREMIUM_RATE, NumberClasses.PremiumRate)]
    [InlineData("ES", PhoneNumberType.SHARED_COST, NumberClasses.SharedCost)]
    [InlineData("GB", PhoneNumberType.FIXED_LINE, NumberClasses.None)]
    [InlineData("GB", PhoneNumberType.MOBILE, NumberClasses.None)]
    public void Metadata_classes_come_from_libphonenumber(string region, PhoneNumberType type, NumberClasses expected)
    {
        Assert.Equal(expected, Tenant().Classify(Example(region, type), NumberClasses.FromMetadata));
    }

    [Theory]
    [InlineData("44")]
    [InlineData("4420")]
    [InlineData("999999999999")]
    public void An_unallocated_or_short_number_is_invalid(string number)
    {
        Assert.Equal(NumberClasses.Invalid, Tenant().Classify(number, NumberClasses.FromMetadata));
    }

    [Theory]
    [InlineData("881612345678", true)]
    [InlineData("+882345678901", true)]
    [InlineData("88312345678", true)]
    [InlineData("88412345678", false)]
    public void Satellite_is_881_882_and_883(string number, bool satellite)
    {
        Assert.Equal(satellite, Tenant().Classify(number, NumberClasses.Satellite) == NumberClasses.Satellite);
    }

    [Fact]
    public void International_is_any_country_code_but_the_home_countrys()
    {
        var british = Tenant("GB");

        Assert.Equal(NumberClasses.None, british.Classify("442071234567", NumberClasses.International));
        Assert.Equal(NumberClasses.International, british.Classify("15551234567", NumberClasses.International));
        Assert.Equal(NumberClasses.None, Tenant("US").Classify("15551234567", NumberClasses.International));
    }

    [Fact]
    public void Without_a_home_country_every_number_is_international()
    {
        Assert.Equal(NumberClasses.International, Tenant(home: null).Classify("442071234567", NumberClasses.International));
    }

    [Fact]
    public void High_risk_is_the_tenants_prefix_set_and_defaults_to_the_shipped_one()
    {
        Assert.Equal(NumberClasses.HighRisk, Tenant("GB", "4420").Classify("442071234567", NumberClasses.HighRisk));
        Assert.Equal(NumberClasses.HighRisk, new NumberRows().Plan().For("t")!.Classify("25261234567", NumberClasses.HighRisk));
        Assert.Equal(NumberClasses.None, new NumberRows().Plan().For("t")!.Classify("442071234567", NumberClasses.HighRisk));
    }

    [Fact]
    public void Only_the_classes_asked_for_are_worked_out()
    {
        var tenant = Tenant();

        Assert.Equal(NumberClasses.None, tenant.Classify(Example("GB", PhoneNumberType.PREMIUM_RATE), NumberClasses.Satellite));
        Assert.Equal(0, tenant.Cache.Count);
    }

    [Fact]
    public void The_classification_cache_starts_again_when_full_and_belongs_to_one_tenant()
    {
        var plan = new NumberRows().Settings("a", "GB").Settings("b", "GB").Plan();
        var a = plan.For("a")!;
        for (var i = 0; i <= ClassificationCache.Capacity; i++)
        {
            a.Cache.Classify(string.Concat("4420", i.ToString("D7", System.Globalization.CultureInfo.InvariantCulture)));
        }

        Assert.InRange(a.Cache.Count, 1, ClassificationCache.Capacity);
        Assert.Equal(0, plan.For("b")!.Cache.Count);
    }
}
