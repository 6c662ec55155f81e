namespace Softswitch.Switch.Cdrs;

/// <summary>ITU-T Q.850 cause values for SIP final statuses, after RFC 3398 §8.2.6.1 (SIP to ISUP).</summary>
public static class Q850Cause
{
    public const int UnallocatedNumber = 1;
    public const int NormalClearing = 16;
    public const int UserBusy = 17;
    public const int NoUserResponding = 18;
    public const int CallRejected = 21;
    public const int NumberChanged = 22;
    public const int ExchangeRoutingError = 25;
    public const int InvalidNumberFormat = 28;
    public const int NetworkOutOfOrder = 38;
    public const int TemporaryFailure = 41;
    public const int ServiceUnavailable = 63;
    public const int ServiceNotImplemented = 79;
    public const int RecoveryOnTimerExpiry = 102;
    public const int Interworking = 127;

    public static int FromSipStatus(int status) => status switch
    {
        >= 200 and < 300 => NormalClearing,
        400 => TemporaryFailure,
        401 or 402 or 403 or 407 => CallRejected,
        404 or 485 or 604 => UnallocatedNumber,
        405 => ServiceUnavailable,
        406 or 415 or 501 => ServiceNotImplemented,
        408 or 504 => RecoveryOnTimerExpiry,
        410 => NumberChanged,
        413 or 414 or 416 or 420 or 421 or 423 or 505 or 513 => Interworking,
        480 => NoUserResponding,
        481 or 500 or 503 => TemporaryFailure,
        482 or 483 => ExchangeRoutingError,
        484 => InvalidNumberFormat,
        486 or 600 => UserBusy,
        502 => NetworkOutOfOrder,
        603 => CallRejected,

        // Not in RFC 3398's table: a caller abandoning before answer is an ordinary end of the call.
        487 => NormalClearing,

        // RFC 3398 takes 488/606 from the Warning header; without one, interworking is the honest answer.
        488 or 606 => Interworking,

        // RFC 3261 §8.1.3.2: an unknown status is treated as the x00 of its class.
        >= 300 and < 400 => Interworking,
        >= 400 and < 500 => TemporaryFailure,
        >= 500 and < 600 => TemporaryFailure,
        >= 600 and < 700 => UserBusy,
        _ => Interworking,
    };
}
