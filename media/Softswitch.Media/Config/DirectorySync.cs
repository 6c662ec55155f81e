using System.Runtime.InteropServices;

namespace Softswitch.Media.Config;

/// <summary>
/// fsync of a directory, which makes a rename inside it durable (POSIX: fsync on the file alone does not persist its
/// directory entry). .NET has no API for it, so it calls libc on Linux and macOS; elsewhere it does nothing.
/// </summary>
internal static class DirectorySync
{
    private const int ReadOnly = 0;

    public static void Flush(string directory)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return;
        }

        var descriptor = Open(directory, ReadOnly);
        if (descriptor < 0)
        {
            throw new IOException($"Could not open {directory} to fsync it (errno {Marshal.GetLastPInvokeError()}).");
        }

        try
        {
            if (Fsync(descriptor) != 0)
            {
                throw new IOException($"fsync of {directory} failed (errno {Marshal.GetLastPInvokeError()}).");
            }
        }
        finally
        {
            _ = Close(descriptor);
        }
    }

    // DllImport rather than LibraryImport: the generated stubs need unsafe code, which this project does not allow.
    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Fsync(int descriptor);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Close(int descriptor);
}
