using System.Security.Cryptography;

namespace Softswitch.Sip.Messages;

/// <summary>
/// Cryptographically random bytes handed out from a per-thread block. Each call to the system's generator costs a
/// system call (OpenSSL checks the process id on every request), and every call draws several tokens, so the block is
/// filled 256 bytes at a time; every byte is handed out once and wiped from the block as it goes.
/// </summary>
internal static class RandomBytes
{
    private const int BlockSize = 256;

    [ThreadStatic]
    private static byte[]? t_block;

    [ThreadStatic]
    private static int t_taken;

    public static void Fill(Span<byte> destination)
    {
        if (destination.Length > BlockSize)
        {
            RandomNumberGenerator.Fill(destination);
            return;
        }

        var block = t_block;
        if (block is null || t_taken + destination.Length > BlockSize)
        {
            block = t_block ??= new byte[BlockSize];
            RandomNumberGenerator.Fill(block);
            t_taken = 0;
        }

        var slice = block.AsSpan(t_taken, destination.Length);
        slice.CopyTo(destination);
        slice.Clear();
        t_taken += destination.Length;
    }
}
