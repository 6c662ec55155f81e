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
    internal AdmissionContext(SipServerTransaction transaction, SwitchConfigSnapshot snapshot)
    {
        Transaction = transaction;
        Snapshot = snapshot;
    }

    public SipServerTransaction Transaction { get; }

    public SipRequest Request => Transaction.Request;

    /// <summary>The configuration the whole admission reads: one snapshot, even if a new one is published meanwhile.</summary>
    public SwitchConfigSnapshot Snapshot { get; }

    /// <summary>Who the call belongs to; null until the ingress stage has identified it.</summary>
    internal CallOrigin? Origin { get; set; }

    /// <summary>Bit <c>i</c> is set while stage <c>i</c> of the pipeline holds a reservation for this call.</summary>
    internal ulong Reserved { get; set; }
}
