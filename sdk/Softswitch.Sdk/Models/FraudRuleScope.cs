namespace Softswitch.Sdk;

public enum FraudRuleScope
{
    Central,
    Standalone,
}
