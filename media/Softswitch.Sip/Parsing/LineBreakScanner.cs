using System.Numerics;
using System.Runtime.Intrinsics;

namespace Softswitch.Sip.Parsing;

/// <summary>
/// Finds the CR, LF and NUL bytes of a header block in order. It compares 64 bytes at a time into a bit mask and
/// hands out one hit per call, so a message of many short header lines costs one vector pass over the block instead
/// of a vectorised search, and a mispredicted loop exit, per line.
/// </summary>
internal ref struct LineBreakScanner
{
    private const int ChunkSize = 64;

    private readonly ReadOnlySpan<byte> _block;
    private int _chunkStart;

    /// <summary>Bit i is set when <c>_block[_chunkStart + i]</c> is a CR, LF or NUL.</summary>
    private ulong _hits;

    public LineBreakScanner(ReadOnlySpan<byte> block)
    {
        _block = block;
        _chunkStart = -ChunkSize;
    }

    /// <summary>Index of the first CR, LF or NUL at or after <paramref name="from"/>, or -1. Never call with a smaller <paramref name="from"/>.</summary>
    public int Next(int from)
    {
        while (true)
        {
            var offset = from - _chunkStart;
            if ((uint)offset < ChunkSize)
            {
                var hits = _hits & (ulong.MaxValue << offset);
                if (hits != 0)
                {
                    return _chunkStart + BitOperations.TrailingZeroCount(hits);
                }

                from = _chunkStart + ChunkSize;
            }

            if (from >= _block.Length)
            {
                return -1;
            }

            Load(from);
        }
    }

    private void Load(int from)
    {
        if (_block.Length >= ChunkSize)
        {
            // The last chunk overlaps the one before; bits below 'from' are masked off by Next.
            _chunkStart = Math.Min(from, _block.Length - ChunkSize);
            var chunk = _block.Slice(_chunkStart, ChunkSize);
            _hits = Hits(chunk) | (Hits(chunk[16..]) << 16) | (Hits(chunk[32..]) << 32) | (Hits(chunk[48..]) << 48);
            return;
        }

        _chunkStart = from;
        _hits = 0;
        for (var i = from; i < _block.Length; i++)
        {
            if (_block[i] is (byte)'\r' or (byte)'\n' or 0)
            {
                _hits |= 1UL << (i - from);
            }
        }
    }

    private static ulong Hits(ReadOnlySpan<byte> sixteen)
    {
        var bytes = Vector128.Create(sixteen);
        var hits = Vector128.Equals(bytes, Vector128.Create((byte)'\r'))
            | Vector128.Equals(bytes, Vector128.Create((byte)'\n'))
            | Vector128.Equals(bytes, Vector128<byte>.Zero);
        return hits.ExtractMostSignificantBits();
    }
}
