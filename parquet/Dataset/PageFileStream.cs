using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace GlacierTrail.Parquet.Dataset;

/// <summary>
/// The file a Parquet writer writes to, buffered, with writes done synchronously and flushes
/// deferred to <see cref="Dispose(bool)"/>.
/// </summary>
/// <remarks>
/// Parquet.Net flushes its stream before every page it writes. A dataset spread over many
/// partitions writes hundreds of thousands of small pages, and a flush of a file is a system
/// call each; an asynchronous write is a thread-pool hop each on Linux. Neither buys anything
/// here: a file is renamed into place only once it is complete.
/// </remarks>
internal sealed class PageFileStream : Stream
{
    private readonly FileStream _file;

    public PageFileStream(string path, int bufferSize) =>
        _file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, bufferSize, FileOptions.None);

    public override bool CanRead => false;

    public override bool CanSeek => _file.CanSeek;

    public override bool CanWrite => true;

    public override long Length => _file.Length;

    public override long Position
    {
        get => _file.Position;
        set => _file.Position = value;
    }

    public override void Flush()
    {
        // Deferred: see the remarks.
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => _file.Seek(offset, origin);

    public override void SetLength(long value) => _file.SetLength(value);

    public override void Write(byte[] buffer, int offset, int count) => _file.Write(buffer, offset, count);

    public override void Write(ReadOnlySpan<byte> buffer) => _file.Write(buffer);

    public override void WriteByte(byte value) => _file.WriteByte(value);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        _file.Write(buffer, offset, count);
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        _file.Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _file.Dispose();
        }

        base.Dispose(disposing);
    }

    public override ValueTask DisposeAsync()
    {
        _file.Dispose();
        return base.DisposeAsync();
    }
}
