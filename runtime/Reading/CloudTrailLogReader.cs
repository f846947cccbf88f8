using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using GlacierTrail.Serialization;

namespace GlacierTrail;

/// <summary>
/// Reads CloudTrail events from streams, files and directory trees. Formats are detected from
/// the content (<see cref="CloudTrailInputFormat"/>), gzip by its magic bytes; memory is bounded
/// by the largest record, not the file.
/// </summary>
public static class CloudTrailLogReader
{
    internal const int InitialBufferSize = 64 * 1024;
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
        await foreach (var item in ReadItemsAsync(stream, factory, options, sourceName, skipNonJson: false, cancellationToken, readAhead: options.MaxParallelFiles > 1).ConfigureAwait(false))
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
        bool directory = Directory.Exists(path);
        var notice = options.OnNotice;
        var files = LogFiles.Enumerate(
            path,
            notice is null ? null : digest => notice($"{digest}: a CloudTrail digest file, not a log; skipped"),
            notice is null ? null : special => notice($"{special}: {LogFiles.NotRegularNote}; skipped"));
        var items = options.MaxParallelFiles > 1 && files.Count > 1
            ? ParallelFiles.ReadInOrderAsync(files, options.MaxParallelFiles, (file, token) => ReadOneFileWithNoticesAsync(file, factory, options, token), cancellationToken)
            : ReadFilesAsync(files, factory, options, directory, cancellationToken);
        await foreach (var item in items.ConfigureAwait(false))
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
        var items = Decompression.IsGzip(log.Span)
            ? InMemory.ReadCompressed(log, factory, options, sourceName)
            : InMemory.ReadItems(log, factory, options, sourceName);
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
    }

    /// <summary>Parses one record held in memory.</summary>
    public static CloudTrailEvent ParseRecord(ReadOnlySpan<byte> utf8Json, ICloudTrailEventFactory factory, CloudTrailReaderOptions? options = null) =>
        CloudTrailRecordParser.Parse(utf8Json, factory, options);

    private static async IAsyncEnumerable<ReadItem> ReadFilesAsync(
        IReadOnlyList<string> files,
        ICloudTrailEventFactory factory,
        CloudTrailReaderOptions options,
        bool skipNonJson,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (string file in files)
        {
            // One file alone may use a second core for its inflation.
            await foreach (var item in ReadOneFileAsync(file, factory, options, skipNonJson, cancellationToken, readAhead: files.Count == 1 && options.MaxParallelFiles > 1).ConfigureAwait(false))
            {
                yield return item;
            }
        }
    }

    // A file read on another thread holds back its notices and yields them as items in their
    // place, so that OnNotice is called in order, on the consumer's thread, as in a sequential read.
    private static async IAsyncEnumerable<ReadItem> ReadOneFileWithNoticesAsync(
        string file,
        ICloudTrailEventFactory factory,
        CloudTrailReaderOptions options,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var notices = options.OnNotice is null ? null : new List<string>();
        var fileOptions = notices is null ? options : options.WithNotices(notices.Add);
        await foreach (var item in ReadOneFileAsync(file, factory, fileOptions, skipNonJson: true, cancellationToken).ConfigureAwait(false))
        {
            if (notices is { Count: > 0 })
            {
                foreach (string notice in notices)
                {
                    yield return new ReadItem(null, null, Notice: notice);
                }

                notices.Clear();
            }

            yield return item;
        }

        if (notices is not null)
        {
            foreach (string notice in notices)
            {
                yield return new ReadItem(null, null, Notice: notice);
            }
        }
    }

    private static async IAsyncEnumerable<ReadItem> ReadOneFileAsync(
        string file,
        ICloudTrailEventFactory factory,
        CloudTrailReaderOptions options,
        bool skipNonJson,
        [EnumeratorCancellation] CancellationToken cancellationToken,
        bool readAhead = false)
    {
        var stream = SynchronousReadStream.Open(file);
        await using (stream.ConfigureAwait(false))
        {
            await foreach (var item in ReadItemsAsync(stream, factory, options, file, skipNonJson, cancellationToken, readAhead).ConfigureAwait(false))
            {
                yield return item;
            }
        }
    }

    /// <summary>The events and errors of one stream, in order; data errors never throw here.</summary>
    internal static async IAsyncEnumerable<ReadItem> ReadItemsAsync(
        Stream stream,
        ICloudTrailEventFactory factory,
        CloudTrailReaderOptions options,
        string? sourceName,
        bool skipNonJson,
        [EnumeratorCancellation] CancellationToken cancellationToken,
        bool readAhead = false)
    {
        // A memory stream whose bytes are reachable is parsed where they lie, saving a copy of
        // every byte into the read buffer; gzip goes the usual way.
        if (stream is MemoryStream memory && memory.TryGetBuffer(out var whole) && memory.Position <= memory.Length
            && !Decompression.IsGzip(whole.AsSpan((int)memory.Position)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var rest = whole.AsMemory((int)memory.Position);
            memory.Position = memory.Length;
            foreach (var item in InMemory.ReadItems(rest, factory, options, sourceName, skipNonJson))
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return item;
            }

            yield break;
        }

        CloudTrailReadException? opening = null;
        Stream content;
        var source = stream is FileStream ? new SynchronousReadStream(stream, ownsFile: false) : stream;
        try
        {
            // Gzip read ahead: inflation on another core, ahead of the framing and the skim here.
            content = await Decompression.OpenAsync(source, options.MaxInflatedBytes, readAhead, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException ex)
        {
            // Damage within the first bytes of a gzip layer, found while sniffing the layer inside it.
            content = Stream.Null;
            opening = new CloudTrailReadException($"the compressed data is damaged: {ex.Message}", sourceName, -1, 0, ex);
        }

        if (opening is not null)
        {
            yield return new ReadItem(null, opening);
            yield break;
        }

        var framer = new RecordFramer(factory, options, sourceName);
        var items = new List<ReadItem>();
        byte[] buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
        int start = 0, end = 0;
        long bufferOffset = 0;
        bool endOfStream = false, broken = false, sniffed = !skipNonJson;

        // Where the damage since the last record read began (-1: none since), and how many errors
        // it has given: see MaxConsecutiveDamageBytes and MaxConsecutiveErrors.
        long damageStart = -1;
        int damageErrors = 0;
        try
        {
            while (!framer.IsDone && !broken)
            {
                cancellationToken.ThrowIfCancellationRequested();
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
                            // One record fills the buffer: grow it (the framer reports a record
                            // past MaxRecordBytes before the buffer grows much further).
                            byte[] larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                            Buffer.BlockCopy(buffer, 0, larger, 0, end);
                            ArrayPool<byte>.Shared.Return(buffer);
                            buffer = larger;
                        }
                    }

                    try
                    {
                        int read = await content.ReadAsync(buffer.AsMemory(end), cancellationToken).ConfigureAwait(false);
                        endOfStream = read == 0;
                        end += read;
                    }
                    catch (InvalidDataException ex)
                    {
                        items.Add(new ReadItem(null, new CloudTrailReadException($"the gzip data is damaged: {ex.Message}", sourceName, -1, bufferOffset + end, ex)));
                        broken = true;
                    }
                }

                if (!sniffed && (end - start >= JsonSyntax.Utf8Bom.Length || endOfStream))
                {
                    sniffed = true;
                    if (!LooksLikeJson(buffer.AsSpan(start, end - start)))
                    {
                        options.OnNotice?.Invoke($"{sourceName}: not a JSON log file; skipped");
                        yield break;
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
                        damageStart = -1;
                        damageErrors = 0;
                    }
                    else
                    {
                        if (damageStart < 0)
                        {
                            damageStart = item.Error!.ByteOffset >= 0 ? item.Error.ByteOffset : bufferOffset + start;
                        }

                        if (++damageErrors > options.MaxConsecutiveErrors && options.MaxConsecutiveErrors > 0)
                        {
                            break;
                        }
                    }

                    yield return item;
                }

                items.Clear();
                if (damageStart >= 0 && TooMuchDamage(sourceName, damageStart, bufferOffset + end, damageErrors, options) is { } stop)
                {
                    yield return new ReadItem(null, stop);
                    yield break;
                }
                if (endOfStream && bufferOffset == 0 && end == 0 && !broken)
                {
                    // Not an error (an empty NDJSON file is valid) but worth a word: an empty
                    // CloudTrail log is usually a failed upload.
                    options.OnNotice?.Invoke($"{sourceName ?? "input"}: empty; no records");
                }

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

    // Null while the damage since the last record read is within both limits.
    private static CloudTrailReadException? TooMuchDamage(string? sourceName, long damageStart, long position, int errors, CloudTrailReaderOptions options)
    {
        string? limit = options.MaxConsecutiveErrors > 0 && errors > options.MaxConsecutiveErrors
            ? $"more than MaxConsecutiveErrors ({options.MaxConsecutiveErrors}) errors"
            : options.MaxConsecutiveDamageBytes > 0 && position - damageStart > options.MaxConsecutiveDamageBytes
                ? $"more than MaxConsecutiveDamageBytes ({options.MaxConsecutiveDamageBytes}) bytes"
                : null;
        return limit is null
            ? null
            : new CloudTrailReadException($"{limit} since the damage at byte {damageStart} with no readable record; stopped reading this source, which does not look like a CloudTrail log", sourceName, -1, position);
    }

    // An empty file is not damage (it holds no records); anything but an object or array is not a log.
    internal static bool LooksLikeJson(ReadOnlySpan<byte> head) => JsonSyntax.FirstSignificantByte(head) is -1 or '{' or '[';

    private static void Report(CloudTrailReadException error, CloudTrailReaderOptions options)
    {
        if (options.ErrorHandling == CloudTrailErrorHandling.Throw)
        {
            throw error;
        }

        options.OnError?.Invoke(error);
    }
}
