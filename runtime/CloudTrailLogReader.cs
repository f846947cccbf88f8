using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using GlacierTrail.Reading;
using GlacierTrail.Serialization;

namespace GlacierTrail;

/// <summary>
/// Reads CloudTrail events from streams, files and directory trees. Formats are detected from
/// the content (<see cref="CloudTrailInputFormat"/>), gzip by its magic bytes; memory is bounded
/// by the largest record, not the file.
/// </summary>
public static class CloudTrailLogReader
{
    /// <summary>Reads the events of one stream, in order.</summary>
    /// <param name="stream">The log's bytes.</param>
    /// <param name="factory">Maps event names to types (the generated <c>GlacierTrailEvents.Factory</c>).</param>
    /// <param name="options">Limits and error policy.</param>
    /// <param name="sourceName">A name for messages (e.g. the file path).</param>
    /// <param name="cancellationToken">Stops the read.</param>
    public static async IAsyncEnumerable<CloudTrailEvent> ReadAsync(
        Stream stream,
        ICloudTrailEventFactory factory,
        CloudTrailReaderOptions? options = null,
        string? sourceName = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(factory);
        options ??= CloudTrailReaderOptions.Default;
        await foreach (var item in ReadSources.FromStreamAsync(stream, factory, options, sourceName, skipNonJson: false, readAhead: options.MaxParallelFiles > 1, cancellationToken).ConfigureAwait(false))
        {
            // Items come in batches (a buffer's worth, or a file's prefetch): stop between them.
            cancellationToken.ThrowIfCancellationRequested();
            if (item.Event is not null)
            {
                yield return item.Event;
            }
            else
            {
                Report(item.Error!, options);
            }
        }
    }

    /// <summary>
    /// Reads a file, or every log file under a directory (recursively, in path order; digest
    /// files and files that are not JSON are skipped with a notice, and links are not followed).
    /// Files are read concurrently (<see cref="CloudTrailReaderOptions.MaxParallelFiles"/>, by
    /// default one per processor) and delivered in path order, with errors and notices in place.
    /// </summary>
    public static async IAsyncEnumerable<CloudTrailEvent> ReadFileAsync(
        string path,
        ICloudTrailEventFactory factory,
        CloudTrailReaderOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(factory);
        options ??= CloudTrailReaderOptions.Default;
        await foreach (var item in FileReads.ReadAsync(path, factory, options, cancellationToken).ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (item.Event is not null)
            {
                yield return item.Event;
            }
            else if (item.Error is not null)
            {
                Report(item.Error, options);
            }
            else
            {
                options.OnNotice?.Invoke(item.Notice!);
            }
        }
    }

    /// <summary>
    /// Reads the events of a log held in memory (any input format, plain or gzip), in order.
    /// Plain JSON is parsed where it lies, without copying it into a buffer first; events are
    /// produced a batch at a time as the enumeration advances, so a large log is never held as
    /// events all at once.
    /// </summary>
    /// <param name="log">The log's bytes.</param>
    /// <param name="factory">Maps event names to types (the generated <c>GlacierTrailEvents.Factory</c>).</param>
    /// <param name="options">Limits and error policy.</param>
    /// <param name="sourceName">A name for messages (e.g. the object key it came from).</param>
    public static IEnumerable<CloudTrailEvent> Read(
        ReadOnlyMemory<byte> log,
        ICloudTrailEventFactory factory,
        CloudTrailReaderOptions? options = null,
        string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        options ??= CloudTrailReaderOptions.Default;
        return ReadMemory(log, factory, options, sourceName);
    }

    private static IEnumerable<CloudTrailEvent> ReadMemory(ReadOnlyMemory<byte> log, ICloudTrailEventFactory factory, CloudTrailReaderOptions options, string? sourceName)
    {
        foreach (var item in ReadSources.FromMemory(log, factory, options, sourceName))
        {
            if (item.Event is not null)
            {
                yield return item.Event;
            }
            else
            {
                Report(item.Error!, options);
            }
        }
    }

    private static void Report(CloudTrailReadException error, CloudTrailReaderOptions options)
    {
        if (options.ErrorHandling == CloudTrailErrorHandling.Throw)
        {
            throw error;
        }

        options.OnError?.Invoke(error);
    }
}
