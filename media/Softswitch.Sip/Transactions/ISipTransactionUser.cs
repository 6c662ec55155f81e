namespace Softswitch.Sip.Transactions;

/// <summary>The transaction user (RFC 3261 §5): the B2BUA core, a registrar, an OPTIONS responder...</summary>
public interface ISipTransactionUser
{
    /// <summary>A new request (not ACK, not a retransmission). Answer it with <see cref="SipServerTransaction.SendResponse"/>.</summary>
    void OnRequest(SipServerTransaction transaction);

    /// <summary>
    /// RFC 3261 §9.2: a CANCEL matched this INVITE transaction. The layer has already answered the CANCEL with 200
    /// and answers the INVITE with 487 right after this call unless the TU sent a final response here.
    /// </summary>
    void OnCancel(SipServerTransaction inviteTransaction, SipRequest cancel)
    {
    }

    /// <summary>An ACK that matched no transaction: the end-to-end ACK for a 2xx (RFC 3261 §13.3.1.4, §17.2.3).</summary>
    void OnAck(SipRequest ack)
    {
    }

    /// <summary>A response with no client transaction, e.g. a retransmitted 2xx to INVITE (RFC 3261 §17.1.1.2).</summary>
    void OnStrayResponse(SipResponse response)
    {
    }
}
