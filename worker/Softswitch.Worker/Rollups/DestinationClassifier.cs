using PhoneNumbers;

namespace Softswitch.Worker.Rollups;

/// <summary>
/// Country and number type of called numbers from libphonenumber's metadata, for one tenant. Numbers are E.164 digits
/// (a leading '+' allowed); one starting with 0 is read as a national number of the tenant's home country, when it has
/// one. Parsing costs microseconds, so answers are kept, up to <see cref="Capacity"/> numbers.
/// </summary>
public sealed class DestinationClassifier(string? homeCountry)
{
    public const int Capacity = 65_536;

    public const string Unknown = "unknown";
    public const string Invalid = "invalid";

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();
    private readonly Dictionary<string, Destination> _known = new(StringComparer.Ordinal);

    public Destination Classify(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        if (_known.TryGetValue(number, out var known))
        {
            return known;
        }

        var destination = Parse(number.StartsWith('+') ? number[1..] : number);
        if (_known.Count >= Capacity)
        {
            _known.Clear();
        }

        _known[number] = destination;
        return destination;
    }

    private Destination Parse(string digits)
    {
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit))
        {
            return new Destination("", Unknown);
        }

        PhoneNumber parsed;
        try
        {
            parsed = digits[0] == '0' && homeCountry is not null
                ? Util.Parse(digits, homeCountry.ToUpperInvariant())
                : Util.Parse("+" + digits, null);
        }
        catch (NumberParseException)
        {
            return new Destination("", Invalid);
        }

        if (!Util.IsValidNumber(parsed))
        {
            return new Destination(Region(Util.GetRegionCodeForCountryCode(parsed.CountryCode)), Invalid);
        }

        return new Destination(Region(Util.GetRegionCodeForNumber(parsed)), TypeName(Util.GetNumberType(parsed)));
    }

    // "ZZ" is libphonenumber's unknown region and "001" its non-geographic entities (satellite, global services).
    private static string Region(string? code) => code is null or "ZZ" or "001" ? "" : code;

    private static string TypeName(PhoneNumberType type) => type switch
    {
        PhoneNumberType.FIXED_LINE => "fixed_line",
        PhoneNumberType.MOBILE => "mobile",
        PhoneNumberType.FIXED_LINE_OR_MOBILE => "fixed_line_or_mobile",
        PhoneNumberType.TOLL_FREE => "toll_free",
        PhoneNumberType.PREMIUM_RATE => "premium_rate",
        PhoneNumberType.SHARED_COST => "shared_cost",
        PhoneNumberType.VOIP => "voip",
        PhoneNumberType.PERSONAL_NUMBER => "personal_number",
        PhoneNumberType.PAGER => "pager",
        PhoneNumberType.UAN => "uan",
        PhoneNumberType.VOICEMAIL => "voicemail",
        _ => Unknown,
    };
}
