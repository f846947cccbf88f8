using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace GlacierTrail;

/// <summary>
/// A log file read with plain synchronous reads, also when the reader asks asynchronously.
/// </summary>
/// <remarks>
/// On Linux and macOS every asynchronous <see cref="FileStream"/> read is a blocking read run on
/// a thread-pool thread, so each 8 KiB the gzip decoder asks for cost a thread hop, a wake-up of
/// the consumer and, measured, about as much processor time as parsing. Reading a local file
/// inline costs a system call and no hop; a slow network file system would block the consuming
/// thread for the read instead, which for sequential reads of whole log files is the better trade.
/// </remarks>
internal sealed class SynchronousFileStream(string path) : ReadOnlyForwardStream
{
    private readonly FileStream _file = new(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);

    public override int Read(Span<byte> buffer) => _file.Read(buffer);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        cancellationToken.IsCancellationRequested ? ValueTask.FromCanceled<int>(cancellationToken) : new(_file.Read(buffer.Span));

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _file.Dispose();
        }

        base.Dispose(disposing);
    }
}
