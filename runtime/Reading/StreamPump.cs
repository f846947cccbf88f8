using System;
using System.Collections.Generic;
using System.IO;
using GlacierTrail.Framing;

namespace GlacierTrail.Reading;

/// <summary>
/// The loop of reading a stream into a <see cref="ReadBuffer"/> and handing it to a
/// <see cref="ReadDriver"/>: end of stream, damage met while reading, and when to stop. The
/// asynchronous and the synchronous readers step the same pump and differ only in how they read.
/// </summary>
internal sealed class StreamPump : IDisposable
{
    private readonly ReadDriver _driver;
    private readonly string? _sourceName;
    private readonly ReadBuffer _buffer = new();
    private bool _endOfStream;
    private bool _broken;
    private bool _finished;

    public StreamPump(ReadDriver driver, string? sourceName)
    {
        _driver = driver;
        _sourceName = sourceName;
    }

    /// <summary>Whether there is more to do: the driver wants more, the data was readable, and not everything is consumed.</summary>
    public bool Running => !_driver.IsDone && !_broken && !_finished;

    /// <summary>Whether the stream may have more bytes: read into <see cref="FreeSpace"/> before the next <see cref="Process"/>.</summary>
    public bool NeedsRead => !_endOfStream;

    public Memory<byte> FreeSpace => _buffer.FreeSpace();

    /// <summary>Takes the count of bytes a read put into <see cref="FreeSpace"/> (0: the end of the stream).</summary>
    public void Filled(int read)
    {
        _endOfStream = read == 0;
        _buffer.Filled(read);
    }

    /// <summary>A read found the gzip data damaged: an error at the bytes read so far, and no more reads; what is buffered is still framed.</summary>
    public void Damaged(InvalidDataException ex)
    {
        _driver.Report(new CloudTrailReadException($"the gzip data is damaged: {ex.Message}", _sourceName, -1, _buffer.EndOffset, ex));
        _broken = true;
    }

    /// <summary>Frames what is buffered; the items to hand on, which the caller clears with <see cref="Delivered"/>.</summary>
    public List<ReadItem> Process()
    {
        int consumed = _driver.Process(_buffer.Data, _endOfStream, _buffer.DataOffset);
        _buffer.Consume(consumed);
        _finished = _endOfStream && consumed == 0;
        return _driver.Items;
    }

    /// <summary>The items of the last <see cref="Process"/> (and any damage reported before it) were handed on.</summary>
    public void Delivered() => _driver.Items.Clear();

    public void Dispose() => _buffer.Dispose();
}
