namespace Softswitch.Sdk;

public enum NumberListKind
{
    Black,
    White,
}
