namespace Softswitch.Switch.Redirect;

/// <summary>The redirect profiles in force; new calls read <see cref="Current"/>, a refresher publishes the next.</summary>
public sealed class RedirectProfileSource
{
    private volatile RedirectProfiles _current = RedirectProfiles.Empty;

    public RedirectProfiles Current => _current;

    public void Publish(RedirectProfiles profiles)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        _current = profiles;
    }
}
