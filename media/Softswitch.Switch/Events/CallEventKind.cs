namespace Softswitch.Switch.Events;

/// <summary>The states a call reports as it goes (Twilio's status callbacks: initiated, ringing, answered, completed).</summary>
public enum CallEventKind
{
    /// <summary>Admitted and routing: the call exists and will end with a CDR.</summary>
    Created,

    /// <summary>The first provisional with ringing (180/183) reached the caller.</summary>
    Ringing,

    Answered,

    /// <summary>The call is over; the event carries its final code and hang-up side.</summary>
    Ended,

    /// <summary>
    /// Admission refused the call after it knew whose it was: the only event of that call, carrying the refusing rule
    /// (<see cref="Cdrs.CallDetailRecord.RefusedBy"/>) and the final code. Its CDR is durable before the caller is answered.
    /// </summary>
    Refused,
}
