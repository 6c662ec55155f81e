namespace Softswitch.Sdk;

public enum BalanceHistoryInterval
{
    Hour,
    Day,
}
