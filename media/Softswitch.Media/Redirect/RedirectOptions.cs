namespace Softswitch.Media.Redirect;

/// <summary><c>Softswitch:Redirect</c>: platform settings of the 3xx redirect client.</summary>
public sealed class RedirectOptions
{
    public const string Section = "Softswitch:Redirect";

    /// <summary>Lets HTTP routing servers be on loopback, private or link-local addresses (tests, private clouds).</summary>
    public bool AllowPrivateTargets { get; set; }
}
