namespace Softswitch.Switch.Cdrs;

/// <summary>Segment files on the local disk, fsynced through <see cref="FileStream.Flush(bool)"/>.</summary>
public sealed class DiskSpoolStorage : ISpoolStorage
{
    private const int BufferBytes = 64 * 1024;

    public static DiskSpoolStorage Instance { get; } = new();

    public Stream Create(string path) => new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, BufferBytes);

    public Stream Reopen(string path) => new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.Read, BufferBytes);

    public void MakeDurable(Stream segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        if (segment is FileStream file)
        {
            file.Flush(flushToDisk: true);
        }
        else
        {
            throw new ArgumentException("A disk segment is a FileStream.", nameof(segment));
        }
    }
}
