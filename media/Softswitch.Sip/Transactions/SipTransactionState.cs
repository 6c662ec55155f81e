namespace Softswitch.Sip.Transactions;

/// <summary>States of the RFC 3261 §17 transaction machines (Figures 5 to 8).</summary>
public enum SipTransactionState
{
    Calling,
    Trying,
    Proceeding,
    Completed,
    Confirmed,
    Terminated,
}
