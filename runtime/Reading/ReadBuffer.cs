using System;
using System.Buffers;

namespace GlacierTrail.Reading;

/// <summary>
/// A stream's bytes on their way to the <see cref="ReadDriver"/>, in one pooled array: what the
/// driver has not consumed yet stays, and new bytes are read in after it. The array grows only
/// while one record fills it.
/// </summary>
internal sealed class ReadBuffer : IDisposable
{
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(ReadDriver.BufferSize);
    private int _start;
    private int _end;
    private long _offset; // the source offset of _buffer[0]

    /// <summary>The bytes read and not consumed yet.</summary>
    public ReadOnlySpan<byte> Data => _buffer.AsSpan(_start, _end - _start);

    /// <summary>The source offset of <see cref="Data"/>.</summary>
    public long DataOffset => _offset + _start;

    /// <summary>The source offset just past the bytes read so far.</summary>
    public long EndOffset => _offset + _end;

    /// <summary>Room for the next read, made by moving the unconsumed bytes to the front when little is left or, when they fill the array, by growing it.</summary>
    public Memory<byte> FreeSpace()
    {
        // Little room left behind bytes already consumed: move the rest to the front first, so
        // that a read (an inflation, mostly) fills a large space rather than a sliver at the end.
        if (_buffer.Length - _end < _buffer.Length / 4 && _start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _offset += _start;
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            // One record fills the buffer: grow it (the framer reports a record past
            // MaxRecordBytes before the buffer grows much further).
            byte[] larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            Buffer.BlockCopy(_buffer, 0, larger, 0, _end);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        return _buffer.AsMemory(_end);
    }

    /// <summary>Takes in <paramref name="count"/> bytes just read into <see cref="FreeSpace"/>.</summary>
    public void Filled(int count) => _end += count;

    /// <summary>Lets go of the first <paramref name="count"/> bytes of <see cref="Data"/>.</summary>
    public void Consume(int count)
    {
        _start += count;
        if (_start == _end)
        {
            _offset += _start;
            _start = _end = 0;
        }
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }
}
