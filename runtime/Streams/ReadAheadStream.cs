using System;
using System.Buffers;
using System.IO;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace GlacierTrail.Streams;

/// <summary>
/// Reads a stream ahead on another thread, a few chunks at most: for one large gzip source,
/// inflation runs on one core while the framing and the skim of rejected records run on another,
/// instead of taking turns on one. The bytes, and an exception of the inner stream, come out at
/// the same position as from the inner stream; memory is bounded by the chunks in flight.
/// </summary>
internal sealed class ReadAheadStream : Stream
{
    private const int ChunkSize = 256 * 1024;
    private const int ChunksAhead = 4;

    private readonly Stream _inner;
    private readonly Channel<Chunk> _chunks = Channel.CreateBounded<Chunk>(new BoundedChannelOptions(ChunksAhead) { SingleReader = true, SingleWriter = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reader;
    private Chunk _current;
    private int _offset;
    private bool _ended;
    private bool _disposed;

    public ReadAheadStream(Stream inner)
    {
        _inner = inner;
        _reader = Task.Run(FillAsync);
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        while (_current.Buffer is null || _offset == _current.Length)
        {
            if (_current.Buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(_current.Buffer);
                _current = default;
            }

            if (_ended)
            {
                return 0;
            }

            // An exception of the inner stream completes the channel after the bytes read before it.
            if (!await _chunks.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                _ended = true;
                return 0;
            }

            _chunks.Reader.TryRead(out _current);
            _offset = 0;
        }

        int count = Math.Min(buffer.Length, _current.Length - _offset);
        _current.Buffer.AsSpan(_offset, count).CopyTo(buffer.Span);
        _offset += count;
        return count;
    }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _reader.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        while (_chunks.Reader.TryRead(out var chunk))
        {
            ArrayPool<byte>.Shared.Return(chunk.Buffer);
        }

        if (_current.Buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(_current.Buffer);
            _current = default;
        }

        _stop.Dispose();
        await _inner.DisposeAsync().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        base.Dispose(disposing);
    }

    private async Task FillAsync()
    {
        try
        {
            while (true)
            {
                byte[] buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
                int filled = 0;
                Exception? failure = null;
                try
                {
                    while (filled < ChunkSize)
                    {
                        int read = await _inner.ReadAsync(buffer.AsMemory(filled, ChunkSize - filled), _stop.Token).ConfigureAwait(false);
                        if (read == 0)
                        {
                            break;
                        }

                        filled += read;
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    failure = ex;
                }

                if (filled > 0)
                {
                    await _chunks.Writer.WriteAsync(new Chunk(buffer, filled), _stop.Token).ConfigureAwait(false);
                }
                else
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }

                if (failure is not null)
                {
                    _chunks.Writer.Complete(failure);
                    return;
                }

                if (filled < ChunkSize)
                {
                    _chunks.Writer.Complete();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            _chunks.Writer.TryComplete();
        }
    }

    private readonly record struct Chunk(byte[] Buffer, int Length);
}
