namespace Softswitch.Domain;

/// <summary>A black list refuses the numbers it holds; a white list admits only them.</summary>
public enum NumberListKind
{
    Black,
    White,
}
