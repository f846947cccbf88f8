using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace GlacierTrail.Streams;

/// <summary>
/// A file read with plain synchronous reads, also when the reader asks asynchronously.
/// </summary>
/// <remarks>
/// On Linux and macOS every asynchronous <see cref="FileStream"/> read is a blocking read run on
/// a thread-pool thread, so each 8 KiB the gzip decoder asks for cost a thread hop, a wake-up of
/// the consumer and, measured, about as much processor time as parsing. Reading a local file
/// inline costs a system call and no hop; a slow network file system would block the consuming
/// thread for the read instead, which for sequential reads of whole log files is the better trade.
/// Used for the files the reader opens itself and for any <see cref="FileStream"/> it is given.
/// </remarks>
internal sealed class SynchronousReadStream(Stream file, bool ownsFile) : ReadOnlyForwardStream
{
    /// <summary>Opens a log file for sequential synchronous reads.</summary>
    public static SynchronousReadStream Open(string path) =>
        new(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan), ownsFile: true);

    public override int Read(Span<byte> buffer) => file.Read(buffer);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        cancellationToken.IsCancellationRequested ? ValueTask.FromCanceled<int>(cancellationToken) : new(file.Read(buffer.Span));

    protected override void Dispose(bool disposing)
    {
        if (disposing && ownsFile)
        {
            file.Dispose();
        }

        base.Dispose(disposing);
    }
}
