namespace Softswitch.Switch.Cdrs;

/// <summary>
/// One spool file. It may be deleted once it is sealed (no longer appended to) and every final CDR in it has been
/// confirmed by the store; open calls journalled in it are re-journalled into the next segment when it is sealed.
/// </summary>
internal sealed class SpoolSegment(string path, long sequence)
{
    public const string Extension = ".spool";

    public string Path { get; } = path;

    public long Sequence { get; } = sequence;

    /// <summary>Final CDRs written here and not yet confirmed by the store.</summary>
    public int Unconfirmed { get; set; }

    public bool Sealed { get; set; }

    /// <summary>Journal entries of calls that were still open when the spool stopped: kept for the next start.</summary>
    public bool KeepForRecovery { get; set; }

    public bool CanDelete => Sealed && Unconfirmed == 0 && !KeepForRecovery;

    public static string FileName(long sequence) => $"cdr-{sequence:D12}{Extension}";

    public static bool TryParseSequence(string path, out long sequence)
    {
        var name = System.IO.Path.GetFileNameWithoutExtension(path);
        sequence = 0;
        return name.StartsWith("cdr-", StringComparison.Ordinal) && long.TryParse(name.AsSpan(4), out sequence);
    }
}
