using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace GlacierTrail;

/// <summary>
/// Reads CloudTrail logs as a stream of events: a log file (<c>{"Records":[...]}</c>), plain or
/// gzip (detected by its magic bytes, whatever its name), a JSON array of records, one record,
/// or records one after another (NDJSON). Memory is bounded by the largest record, not the file.
/// </summary>
public static class CloudTrailLogReader
{
    private const int InitialBufferSize = 64 * 1024;

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

        var content = await Decompression.OpenAsync(stream, cancellationToken).ConfigureAwait(false);
        var framer = new RecordFramer(factory, options, sourceName);
        var items = new List<ReadItem>();
        byte[] buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
        int start = 0, end = 0;
        long bufferOffset = 0;
        bool endOfStream = false;
        try
        {
            while (!framer.IsDone)
            {
                if (!endOfStream)
                {
                    if (end == buffer.Length)
                    {
                        if (start > 0)
                        {
                            Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                            bufferOffset += start;
                            end -= start;
                            start = 0;
                        }
                        else
                        {
                            // One record fills the buffer: grow it, up to the record limit (the
                            // framer reports a record past the limit before we grow further).
                            byte[] larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                            Buffer.BlockCopy(buffer, 0, larger, 0, end);
                            ArrayPool<byte>.Shared.Return(buffer);
                            buffer = larger;
                        }
                    }

                    int read;
                    try
                    {
                        read = await content.ReadAsync(buffer.AsMemory(end), cancellationToken).ConfigureAwait(false);
                    }
                    catch (InvalidDataException ex)
                    {
                        items.Add(new ReadItem(null, new CloudTrailReadException($"the gzip data is damaged: {ex.Message}", sourceName, -1, bufferOffset + end, ex)));
                        read = -1;
                    }

                    if (read <= 0)
                    {
                        endOfStream = true;
                    }
                    else
                    {
                        end += read;
                    }
                }

                int consumed = framer.Process(buffer.AsSpan(start, end - start), endOfStream, bufferOffset + start, items);
                start += consumed;
                if (start == end)
                {
                    bufferOffset += start;
                    start = end = 0;
                }

                foreach (var item in items)
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

                items.Clear();
                if (endOfStream && consumed == 0)
                {
                    break;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            if (!ReferenceEquals(content, stream))
            {
                await content.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Reads a file, or every log file under a directory (recursively, in path order; digest
    /// files are skipped and links are not followed).
    /// </summary>
    public static async IAsyncEnumerable<CloudTrailEvent> ReadFileAsync(
        string path,
        ICloudTrailEventFactory factory,
        CloudTrailReaderOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        foreach (string file in LogFiles.Enumerate(path))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
            await using (stream.ConfigureAwait(false))
            {
                await foreach (var evt in ReadAsync(stream, factory, options, file, cancellationToken).ConfigureAwait(false))
                {
                    yield return evt;
                }
            }
        }
    }

    /// <summary>Parses one record held in memory.</summary>
    public static CloudTrailEvent ParseRecord(ReadOnlySpan<byte> utf8Json, ICloudTrailEventFactory factory, CloudTrailReaderOptions? options = null) =>
        CloudTrailRecordParser.Parse(utf8Json, factory, options);

    private static void Report(CloudTrailReadException error, CloudTrailReaderOptions options)
    {
        if (options.ErrorHandling == CloudTrailErrorHandling.Throw)
        {
            throw error;
        }

        options.OnError?.Invoke(error);
    }
}
