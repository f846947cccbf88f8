using System;
using System.IO;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;

namespace GlacierTrail.Cli.Input;

/// <summary>
/// A read-only view of a stream that computes the SHA-256 of the bytes read through it: an input
/// is hashed as it is read, once, so standard input and pipes are hashed too, and the hash is of
/// the bytes the report was made from. Disposing leaves the inner stream and the hash alone: the
/// reader may dispose the stream it was given (through a decompressor that owns it), and the hash
/// is finished after that (<see cref="FinishAsync"/>).
/// </summary>
internal sealed class HashingStream : Stream
{
    private readonly Stream _inner;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public HashingStream(Stream inner)
    {
        _inner = inner;
    }

    /// <summary>Bytes read through the stream.</summary>
    public long BytesRead { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int read = _inner.Read(buffer);
        Hash(buffer[..read]);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int read = await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Hash(buffer.Span[..read]);
        return read;
    }

    /// <summary>
    /// Reads what the reader left unread (after damage that ended the input early) and returns the
    /// hash of the whole input in lowercase hex; with <paramref name="readRest"/> false (the input
    /// failed), releases the hash and returns null.
    /// </summary>
    public async Task<string?> FinishAsync(bool readRest, CancellationToken cancellationToken)
    {
        using (_hash)
        {
            if (!readRest)
            {
                return null;
            }

            byte[] buffer = new byte[64 * 1024];
            while (await ReadAsync(buffer, cancellationToken).ConfigureAwait(false) > 0)
            {
            }

            return Convert.ToHexStringLower(_hash.GetHashAndReset());
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private void Hash(ReadOnlySpan<byte> read)
    {
        _hash.AppendData(read);
        BytesRead += read.Length;
    }
}
