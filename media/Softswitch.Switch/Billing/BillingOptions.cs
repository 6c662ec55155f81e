namespace Softswitch.Switch.Billing;

/// <summary>How the switch rates calls and guards accounts' credit (configuration section <c>Softswitch:Billing</c>).</summary>
public sealed class BillingOptions
{
    /// <summary>Decimal places charges are rounded up to (VOS3000 "billing fee precision").</summary>
    public int ChargeDecimals { get; set; } = Domain.Billing.Tariff.DefaultChargeDecimals;

    /// <summary>
    /// How much talk time a call reserves at once. A call reserves its first slice at setup and the next one shortly
    /// before the last runs out, so concurrent calls of one account share its money instead of the first call holding all of it.
    /// </summary>
    public TimeSpan ReservationSlice { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long before its reservation runs out a call asks for the next slice.</summary>
    public TimeSpan RenewalLead { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>VOS3000 "overdraft prevention advance time": a call that cannot get more money is cut this much before its limit.</summary>
    public TimeSpan OverdraftAdvance { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// The cut always lands this much before the paid time ends, so the timer's own lateness can never bill one increment
    /// more than was reserved.
    /// </summary>
    internal static TimeSpan CutMargin { get; } = TimeSpan.FromMilliseconds(500);
}
