using System;
using System.Buffers;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace GlacierTrail.Streams;

/// <summary>
/// Feeds a gzip decoder its input but keeps the last bytes (the CRC-32 and size trailer) back
/// until the input has ended. The decoder checks the trailer in the same call that produces the
/// last of the content and, on a mismatch, throws that content away; held back, the trailer
/// arrives in a call of its own, so every record before it is delivered before the error.
/// </summary>
internal sealed class HoldbackStream : ReadOnlyForwardStream
{
    private const int GzipTrailerBytes = 8;

    // The decoder asks for 8 KiB at a time; reading the source in larger pieces saves most of
    // the system calls of a file and costs one copy that stays in the cache.
    private const int ChunkBytes = 64 * 1024;

    private readonly Stream _inner;
    private byte[] _pending = ArrayPool<byte>.Shared.Rent(ChunkBytes + GzipTrailerBytes);
    private int _start; // the first byte not handed out
    private int _end; // just past the last byte read
    private bool _innerDone;

    public HoldbackStream(Stream inner)
    {
        _inner = inner;
    }

    /// <summary>Whether the held-back trailer has been handed to the decoder.</summary>
    public bool TrailerReleased { get; private set; }

    public override int Read(Span<byte> buffer)
    {
        while (buffer.Length > 0)
        {
            if (TryTake(buffer, out int taken))
            {
                return taken;
            }

            Fill(_inner.Read(Room()));
        }

        return 0;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (buffer.Length > 0)
        {
            if (TryTake(buffer.Span, out int taken))
            {
                return taken;
            }

            Fill(await _inner.ReadAsync(Room().AsMemory(), cancellationToken).ConfigureAwait(false));
        }

        return 0;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
            if (_pending.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(_pending);
                _pending = [];
            }
        }

        base.Dispose(disposing);
    }

    private bool TryTake(Span<byte> buffer, out int taken)
    {
        int available = _end - _start - (_innerDone ? 0 : GzipTrailerBytes);
        if (available <= 0)
        {
            taken = 0;
            return _innerDone;
        }

        taken = Math.Min(available, buffer.Length);
        _pending.AsSpan(_start, taken).CopyTo(buffer);
        _start += taken;
        if (_innerDone && _start == _end)
        {
            TrailerReleased = true;
        }

        return true;
    }

    // Room after the held bytes (at most the trailer's 8 once everything else is handed out),
    // moved to the front first.
    private ArraySegment<byte> Room()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_pending, _start, _pending, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        return new ArraySegment<byte>(_pending, _end, _pending.Length - _end);
    }

    private void Fill(int read)
    {
        if (read == 0)
        {
            _innerDone = true;
        }

        _end += read;
    }
}
