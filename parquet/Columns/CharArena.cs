using System;
using System.Collections.Generic;
using System.Text;

namespace GlacierTrail.Parquet.Columns;

/// <summary>
/// The text of one row group, copied into shared chunks rather than held as the events' own
/// strings: a buffered row keeps no event alive, so buffered memory is what is counted. Chunks
/// grow from small (a partition may buffer a few rows) and are reused once the row group is
/// written.
/// </summary>
internal sealed class CharArena
{
    private const int FirstChunk = 1024;
    private const int LargestChunk = 64 * 1024;
    private readonly List<char[]> _chunks = new();
    private int _chunk = -1;
    private int _used;

    private long _chunkChars;
    private long _largeChars;

    /// <summary>The bytes the chunks take (their capacity), and the large values held.</summary>
    public long RetainedBytes => (_chunkChars + _largeChars) * sizeof(char);

    public ReadOnlyMemory<char> Copy(string text) => Copy(text.AsSpan());

    public ReadOnlyMemory<char> Copy(ReadOnlySpan<char> text)
    {
        var target = Reserve(text.Length);
        text.CopyTo(target.Span);
        return target;
    }

    public ReadOnlyMemory<char> Decode(ReadOnlySpan<byte> utf8)
    {
        int length = Encoding.UTF8.GetCharCount(utf8);
        var target = Reserve(length);
        Encoding.UTF8.GetChars(utf8, target.Span);
        return target;
    }

    public void Reset()
    {
        _chunk = _chunks.Count > 0 ? 0 : -1;
        _used = 0;
        _largeChars = 0;
    }

    public void Release()
    {
        _chunks.Clear();
        _chunkChars = 0;
        Reset();
    }

    private Memory<char> Reserve(int length)
    {
        if (length > LargestChunk / 4)
        {
            // A large value gets an array of its own, so chunks do not fill with waste.
            _largeChars += length;
            return new char[length];
        }

        if (_chunk < 0 || _used + length > _chunks[_chunk].Length)
        {
            _chunk++;
            if (_chunk == _chunks.Count)
            {
                int size = _chunks.Count == 0 ? FirstChunk : Math.Min(LargestChunk, _chunks[^1].Length * 2);
                _chunks.Add(new char[Math.Max(size, length)]);
                _chunkChars += _chunks[^1].Length;
            }

            _used = 0;
        }

        var memory = new Memory<char>(_chunks[_chunk], _used, length);
        _used += length;
        return memory;
    }
}
