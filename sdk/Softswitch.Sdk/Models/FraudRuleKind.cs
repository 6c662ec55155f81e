namespace Softswitch.Sdk;

public enum FraudRuleKind
{
    CallerFrequency,
    CalleeFrequency,
    CallerConcurrency,
    NoAnswer,
    DistinctCallees,
    ScannerDestinations,
}
