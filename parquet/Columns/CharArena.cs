using System;
using System.Collections.Generic;
using System.Text;

namespace GlacierTrail.Parquet.Columns;

/// <summary>
/// Text decoded from UTF-8 (JSON columns) for one row group, in large shared chunks rather than
/// a string per value; reused once the row group is written.
/// </summary>
internal sealed class CharArena
{
    private const int ChunkSize = 64 * 1024;
    private readonly List<char[]> _chunks = new();
    private int _chunk;
    private int _used;

    public ReadOnlyMemory<char> Decode(ReadOnlySpan<byte> utf8)
    {
        int length = Encoding.UTF8.GetMaxCharCount(utf8.Length);
        if (length > ChunkSize / 4)
        {
            // A large value gets an array of its own, so chunks do not fill with waste.
            char[] own = new char[Encoding.UTF8.GetCharCount(utf8)];
            Encoding.UTF8.GetChars(utf8, own);
            return own;
        }

        if (_chunks.Count == 0 || _used + length > ChunkSize)
        {
            NextChunk();
        }

        char[] chunk = _chunks[_chunk];
        int written = Encoding.UTF8.GetChars(utf8, chunk.AsSpan(_used));
        var text = new ReadOnlyMemory<char>(chunk, _used, written);
        _used += written;
        return text;
    }

    public void Reset()
    {
        _chunk = 0;
        _used = 0;
    }

    private void NextChunk()
    {
        if (_chunks.Count > 0)
        {
            _chunk++;
        }

        if (_chunk == _chunks.Count)
        {
            _chunks.Add(new char[ChunkSize]);
        }

        _used = 0;
    }
}
