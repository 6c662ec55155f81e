using Softswitch.Worker.Rollups;

namespace Softswitch.Api.Tests.Reports;

public sealed class DestinationClassifierTests
{
    [Theory]
    [InlineData("442079460000", "GB", "fixed_line")]
    [InlineData("+447400123456", "GB", "mobile")]
    [InlineData("4490990000000", "GB", "invalid")]
    [InlineData("448712345678", "GB", "premium_rate")]
    [InlineData("12125550123", "US", "fixed_line_or_mobile")]
    [InlineData("02079460000", "GB", "fixed_line")]
    [InlineData("", "", "unknown")]
    [InlineData("77#442079460000", "", "unknown")]
    public void Numbers_get_their_country_and_type(string number, string country, string type)
    {
        var classifier = new DestinationClassifier(homeCountry: "gb");

        Assert.Equal(new Destination(country, type), classifier.Classify(number));
    }

    [Fact]
    public void Without_a_home_country_a_national_number_names_no_country()
    {
        Assert.Equal("", new DestinationClassifier(homeCountry: null).Classify("02079460000").Country);
    }
}
