using System.Collections.Frozen;
using PhoneNumbers;

namespace Softswitch.Switch.Numbers;

/// <summary>
/// What libphonenumber's metadata says about an E.164 number: premium-rate, shared-cost, or not a valid number at all
/// (unallocated ranges, wrong length). Parsing and matching its patterns costs microseconds and allocates, so callers
/// cache the answer (<see cref="ClassificationCache"/>) and ask only when a rule forbids one of these classes. The
/// country calling code, satellite ranges and prefix classes are read from the digits alone.
/// </summary>
public static class NumberMetadata
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();
    private static readonly FrozenSet<int> CallingCodes = Util.GetSupportedCallingCodes().ToFrozenSet();

    public static NumberClasses Classify(ReadOnlySpan<char> digits)
    {
        PhoneNumber parsed;
        try
        {
            parsed = Util.Parse(string.Concat("+", digits), null);
        }
        catch (NumberParseException)
        {
            return NumberClasses.Invalid;
        }

        if (!Util.IsValidNumber(parsed))
        {
            return NumberClasses.Invalid;
        }

        return Util.GetNumberType(parsed) switch
        {
            PhoneNumberType.PREMIUM_RATE => NumberClasses.PremiumRate,
            PhoneNumberType.SHARED_COST => NumberClasses.SharedCost,
            _ => NumberClasses.None,
        };
    }

    /// <summary>The number's country calling code (1 to 3 digits; the codes are prefix-free), or 0 when none fits.</summary>
    public static int CallingCode(ReadOnlySpan<char> digits)
    {
        var code = 0;
        for (var i = 0; i < Math.Min(3, digits.Length); i++)
        {
            code = (code * 10) + (digits[i] - '0');
            if (CallingCodes.Contains(code))
            {
                return code;
            }
        }

        return 0;
    }

    /// <summary>The calling code of an ISO 3166-1 alpha-2 region, or 0 when libphonenumber does not know it.</summary>
    public static int CallingCodeOf(string? region) =>
        string.IsNullOrEmpty(region) ? 0 : Util.GetCountryCodeForRegion(region.ToUpperInvariant());

    public static bool IsKnownRegion(string region) => Util.GetSupportedRegions().Contains(region.ToUpperInvariant());
}
