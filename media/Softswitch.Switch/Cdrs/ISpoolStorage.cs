namespace Softswitch.Switch.Cdrs;

/// <summary>
/// Where the spool's segment files are written. The disk in production; tests put a file system that fails on
/// demand in its place, to show the spool survives a full disk.
/// </summary>
public interface ISpoolStorage
{
    /// <summary>Creates a new, empty segment file for appending.</summary>
    Stream Create(string path);

    /// <summary>Opens an existing segment to append to it again after a failed write.</summary>
    Stream Reopen(string path);

    /// <summary>Writes what <paramref name="segment"/> buffers and fsyncs it; returns only once the bytes are on disk.</summary>
    void MakeDurable(Stream segment);
}
