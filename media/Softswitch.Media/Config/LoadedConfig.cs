using Softswitch.Switch.Config;

namespace Softswitch.Media.Config;

/// <summary>Rows read for a snapshot and the fingerprint of the tables they match.</summary>
public sealed record LoadedConfig(SwitchConfigRows Rows, ConfigFingerprint Fingerprint);
