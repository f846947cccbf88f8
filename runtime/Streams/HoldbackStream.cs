using System;
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

    private readonly Stream _inner;
    private byte[] _pending = new byte[8192 + GzipTrailerBytes];
    private int _count;
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

            Fill(_inner.Read(Room(buffer.Length)));
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

            Fill(await _inner.ReadAsync(Room(buffer.Length).AsMemory(), cancellationToken).ConfigureAwait(false));
        }

        return 0;
    }


    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private bool TryTake(Span<byte> buffer, out int taken)
    {
        int available = _innerDone ? _count : _count - GzipTrailerBytes;
        if (available <= 0)
        {
            taken = 0;
            return _innerDone;
        }

        taken = Math.Min(available, buffer.Length);
        _pending.AsSpan(0, taken).CopyTo(buffer);
        Buffer.BlockCopy(_pending, taken, _pending, 0, _count - taken);
        _count -= taken;
        if (_innerDone)
        {
            TrailerReleased = true;
        }

        return true;
    }

    private ArraySegment<byte> Room(int wanted)
    {
        if (_pending.Length - _count < wanted)
        {
            Array.Resize(ref _pending, Math.Min(_count + wanted, _count + (1 << 16)));
        }

        return new ArraySegment<byte>(_pending, _count, Math.Min(wanted, _pending.Length - _count));
    }

    private void Fill(int read)
    {
        if (read == 0)
        {
            _innerDone = true;
        }

        _count += read;
    }
}
