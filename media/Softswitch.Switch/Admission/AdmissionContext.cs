using Softswitch.Sip.Messages;
using Softswitch.Sip.Transactions;
using Softswitch.Switch.Calls;
using Softswitch.Switch.Config;

namespace Softswitch.Switch.Admission;

/// <summary>
/// What the stages know about one new INVITE, and what they found out: ingress sets <see cref="Origin"/>, reserving
/// stages record what they took in <see cref="Reserved"/> (one bit per stage) so exactly that is given back.
/// </summary>
public sealed class AdmissionContext
{
    private SipServerTransaction? _transaction;

    internal AdmissionContext(SipServerTransaction transaction, SwitchConfigSnapshot snapshot)
    {
        _transaction = transaction;
        Snapshot = snapshot;
    }

    /// <summary>The INVITE's server transaction, while admission runs; a started call owns it from then on.</summary>
    public SipServerTransaction Transaction =>
        _transaction ?? throw new InvalidOperationException("The INVITE now belongs to its call; admission is over.");

    public SipRequest Request => Transaction.Request;

    /// <summary>The configuration the whole admission reads: one snapshot, even if a new one is published meanwhile.</summary>
    public SwitchConfigSnapshot Snapshot { get; }

    /// <summary>Who the call belongs to; null until the ingress stage has identified it.</summary>
    internal CallOrigin? Origin { get; set; }

    /// <summary>
    /// The call has taken the INVITE over. The context stays with the call only to give back its reservations, which
    /// need <see cref="Origin"/> and <see cref="Reserved"/>, so it lets go of the request (a held call keeps no INVITE).
    /// </summary>
    internal void HandOverTransaction() => _transaction = null;

    /// <summary>Refusals the tenant's monitor-only policies let through, in stage order; null when there were none.</summary>
    internal List<AdmissionDecision>? Monitored { get; set; }

    /// <summary>The call's rate and credit reservation, once anti-overdraft has priced it; null for an unrated account.</summary>
    internal Billing.CallBilling? Billing { get; set; }

    /// <summary>Bit <c>i</c> is set while stage <c>i</c> of the pipeline holds a reservation for this call.</summary>
    internal ulong Reserved { get; set; }
}
