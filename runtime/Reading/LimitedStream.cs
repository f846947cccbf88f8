using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace GlacierTrail;

/// <summary>
/// Ends a decompressed stream with an error once it has produced more than a limit, so a small
/// gzip bomb cannot make the reader inflate gigabytes.
/// </summary>
internal sealed class LimitedStream : ReadOnlyForwardStream
{
    private readonly Stream _inner;
    private readonly long _limit;
    private long _total;

    public LimitedStream(Stream inner, long limit)
    {
        _inner = inner;
        _limit = limit;
    }

    public override int Read(Span<byte> buffer) => Count(_inner.Read(buffer));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Count(int read)
    {
        _total += read;
        if (_total > _limit)
        {
            throw new InvalidDataException($"the data inflates to more than MaxInflatedBytes ({_limit} bytes); a gzip bomb?");
        }

        return read;
    }
}
