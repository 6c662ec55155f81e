namespace Softswitch.Switch.Numbers;

/// <summary>The number layer reads numbers in E.164 digits; a leading '+' is not part of the number.</summary>
internal static class NumberText
{
    public static ReadOnlySpan<char> Digits(ReadOnlySpan<char> number) =>
        number.Length > 0 && number[0] == '+' ? number[1..] : number;

    public static string Digits(string number) => number.StartsWith('+') ? number[1..] : number;

    /// <summary>True for 1 to 18 ASCII digits (after a leading '+').</summary>
    public static bool IsNumber(ReadOnlySpan<char> number) =>
        Digits(number) is { Length: > 0 and <= Domain.NumberKey.MaxDigits } digits && !digits.ContainsAnyExceptInRange('0', '9');
}
