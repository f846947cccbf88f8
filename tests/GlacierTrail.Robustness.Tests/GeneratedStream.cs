using System;
using System.Collections.Generic;
using System.IO;

namespace GlacierTrail.Robustness.Tests;

/// <summary>
/// A read-only stream whose bytes are made as they are read, from parts that each repeat a
/// short pattern: a 100 MB string or ten million records without holding them anywhere.
/// </summary>
internal sealed class GeneratedStream : Stream
{
    private readonly List<(byte[] Pattern, long Count)> _parts = new();
    private int _part;
    private long _positionInPart;

    public GeneratedStream Add(ReadOnlySpan<byte> bytes) => Repeat(bytes, 1);

    public GeneratedStream Repeat(ReadOnlySpan<byte> pattern, long count)
    {
        if (pattern.Length > 0 && count > 0)
        {
            _parts.Add((pattern.ToArray(), count));
        }

        return this;
    }

    /// <summary>A run of one byte value, <paramref name="length"/> long.</summary>
    public GeneratedStream Fill(byte value, long length)
    {
        const int Block = 64 * 1024;
        var block = new byte[Block];
        Array.Fill(block, value);
        Repeat(block, length / Block);
        return Repeat(block.AsSpan(0, (int)(length % Block)), 1);
    }

    public override long Length
    {
        get
        {
            long total = 0;
            foreach (var (pattern, count) in _parts)
            {
                total += pattern.LongLength * count;
            }

            return total;
        }
    }

    public long Produced { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Position { get => Produced; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int written = 0;
        while (written < buffer.Length && _part < _parts.Count)
        {
            var (pattern, count) = _parts[_part];
            long partLength = pattern.LongLength * count;
            int at = (int)(_positionInPart % pattern.Length);
            int n = (int)Math.Min(Math.Min(pattern.Length - at, buffer.Length - written), partLength - _positionInPart);
            pattern.AsSpan(at, n).CopyTo(buffer[written..]);
            written += n;
            _positionInPart += n;
            if (_positionInPart == partLength)
            {
                _part++;
                _positionInPart = 0;
            }
        }

        Produced += written;
        return written;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
