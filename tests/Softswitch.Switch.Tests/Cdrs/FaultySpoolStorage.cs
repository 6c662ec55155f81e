using Softswitch.Switch.Cdrs;

namespace Softswitch.Switch.Tests.Cdrs;

/// <summary>
/// Real segment files on disk that can be made to behave like a full disk: while <see cref="Full"/> a write stores
/// the first half of its bytes and then fails with ENOSPC, as a filling disk does, and an fsync fails.
/// </summary>
internal sealed class FaultySpoolStorage : ISpoolStorage
{
    private const int NoSpaceLeftOnDevice = 28;

    private volatile bool _full;
    private volatile bool _refuseNewFiles;

    public bool Full
    {
        get => _full;
        set => _full = value;
    }

    /// <summary>Creating a segment file fails (rotation), while appends to the open one still work.</summary>
    public bool RefuseNewFiles
    {
        get => _refuseNewFiles;
        set => _refuseNewFiles = value;
    }

    public int FilesCreated { get; private set; }

    /// <summary>When set, a write that finds the disk full waits for it before failing (the writer is then mid-commit).</summary>
    public ManualResetEventSlim? FailingWriteGate { get; set; }

    /// <summary>Completes when a write first finds the disk full.</summary>
    public TaskCompletionSource FailingWriteEntered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Stream Create(string path)
    {
        if (_refuseNewFiles || _full)
        {
            throw NoSpace();
        }

        FilesCreated++;
        return new FillingStream((FileStream)DiskSpoolStorage.Instance.Create(path), this);
    }

    public Stream Reopen(string path) => new FillingStream((FileStream)DiskSpoolStorage.Instance.Reopen(path), this);

    public void MakeDurable(Stream segment)
    {
        if (_full)
        {
            throw NoSpace();
        }

        DiskSpoolStorage.Instance.MakeDurable(((FillingStream)segment).File);
    }

    private static IOException NoSpace() => new("No space left on device", NoSpaceLeftOnDevice);

    private sealed class FillingStream(FileStream file, FaultySpoolStorage storage) : Stream
    {
        public FileStream File => file;

        public override bool CanRead => false;

        public override bool CanSeek => true;

        public override bool CanWrite => true;

        public override long Length => file.Length;

        public override long Position
        {
            get => file.Position;
            set => file.Position = value;
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (storage.Full)
            {
                storage.FailingWriteEntered.TrySetResult();
                storage.FailingWriteGate?.Wait(TimeSpan.FromSeconds(10));
                file.Write(buffer[..(buffer.Length / 2)]);
                file.Flush();
                throw NoSpace();
            }

            file.Write(buffer);
        }

        public override void Flush() => file.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => file.Seek(offset, origin);

        public override void SetLength(long value) => file.SetLength(value);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                file.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
