namespace Softswitch.Domain;

/// <summary>The e-mail of one alarm.</summary>
public enum AlarmEmailStatus
{
    /// <summary>Waiting for the <c>alarm-emails</c> job (first try or a retry).</summary>
    Pending,

    Sent,

    /// <summary>Every attempt failed; <c>email_error</c> says why the last one did.</summary>
    Failed,

    /// <summary>The tenant has no enabled alarm e-mail settings when the job looked.</summary>
    NotConfigured,

    /// <summary>A suppressed alarm: nothing is sent.</summary>
    Suppressed,
}
