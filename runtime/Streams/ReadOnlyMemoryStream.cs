using System;
using System.Threading;
using System.Threading.Tasks;

namespace GlacierTrail.Streams;

/// <summary>Bytes in memory as a stream, for the gzip reader (any <see cref="ReadOnlyMemory{T}"/>, not only arrays).</summary>
internal sealed class ReadOnlyMemoryStream(ReadOnlyMemory<byte> data) : ReadOnlyForwardStream
{
    private ReadOnlyMemory<byte> _rest = data;

    public override int Read(Span<byte> buffer)
    {
        int count = Math.Min(buffer.Length, _rest.Length);
        _rest.Span[..count].CopyTo(buffer);
        _rest = _rest[count..];
        return count;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        cancellationToken.IsCancellationRequested ? ValueTask.FromCanceled<int>(cancellationToken) : new(Read(buffer.Span));
}
