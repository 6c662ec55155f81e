namespace Softswitch.Sdk;

public enum AlarmKind
{
    LongCall,
    LowAsr,
    TrafficSpike,
    NewCountry,
    OutsideWorkingHours,
    LowBalance,
    ReconciliationDeviation,
    SecurityEventBurst,
    GatewayDown,
}
