using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace GlacierTrail.Streams;

/// <summary>
/// Ends a decompressed stream with an error once it has produced more than a limit, so a small
/// gzip bomb cannot make the reader inflate gigabytes.
/// </summary>
internal sealed class LimitedStream : ReadOnlyForwardStream
{
    private readonly Stream _inner;
    private readonly long _limit;
    private readonly HoldbackStream? _input;
    private long _total;

    public LimitedStream(Stream inner, long limit, HoldbackStream? input = null)
    {
        _inner = inner;
        _limit = limit;
        _input = input;
    }

    public override int Read(Span<byte> buffer)
    {
        try
        {
            return Count(_inner.Read(buffer));
        }
        catch (InvalidDataException ex) when (_input is { TrailerReleased: true })
        {
            throw AtTrailer(ex);
        }
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            return Count(await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));
        }
        catch (InvalidDataException ex) when (_input is { TrailerReleased: true })
        {
            throw AtTrailer(ex);
        }
    }

    // The decoder's own message for a checksum mismatch names an "unsupported compression method".
    private static InvalidDataException AtTrailer(InvalidDataException ex) =>
        new("the gzip trailer (CRC-32 and length) does not match the content, or the last bytes are damaged; the records before this point were delivered but may be damaged too", ex);

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
