namespace Softswitch.Switch.Numbers;

/// <summary>The number layer reads numbers in E.164 digits; a leading '+' is not part of the number.</summary>
internal static class NumberText
{
    public static ReadOnlySpan<char> Digits(ReadOnlySpan<char> number) =>
        number.Length > 0 && number[0] == '+' ? number[1..] : number;

    public static string Digits(string number) => number.StartsWith('+') ? number[1..] : number;
}
