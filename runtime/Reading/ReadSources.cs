using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using GlacierTrail.Framing;
using GlacierTrail.Serialization;
using GlacierTrail.Streams;

namespace GlacierTrail.Reading;

/// <summary>
/// Hands a source's bytes to a <see cref="ReadDriver"/> a buffer at a time and its items on to
/// the caller a batch at a time, so a large log is never held as events all at once. Memory is
/// shown to the driver where it lies, a window at a time, with nothing copied; a stream is read
/// into a pooled <see cref="ReadBuffer"/>, its gzip layers peeled on the way.
/// </summary>
internal static class ReadSources
{
    /// <summary>The events and errors of a log in memory (plain or gzip), in order; data errors never throw here.</summary>
    public static IEnumerable<ReadItem> FromMemory(ReadOnlyMemory<byte> log, ICloudTrailEventFactory factory, CloudTrailReaderOptions options, string? sourceName, bool skipNonJson = false) =>
        Decompression.IsGzip(log.Span)
            ? FromStream(new ReadOnlyMemoryStream(log), factory, options, sourceName, skipNonJson)
            : FromPlainMemory(log, factory, options, sourceName, skipNonJson);

    /// <summary>
    /// The events and errors of one stream, in order; data errors never throw here. With
    /// read-ahead, gzip content is inflated on another core, ahead of the framing here.
    /// </summary>
    public static async IAsyncEnumerable<ReadItem> FromStreamAsync(
        Stream stream,
        ICloudTrailEventFactory factory,
        CloudTrailReaderOptions options,
        string? sourceName,
        bool skipNonJson,
        bool readAhead,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // A memory stream whose bytes are reachable is parsed where they lie, saving a copy of
        // every byte into the read buffer; gzip goes the usual way.
        if (stream is MemoryStream memory && memory.TryGetBuffer(out var whole) && memory.Position <= memory.Length
            && !Decompression.IsGzip(whole.AsSpan((int)memory.Position)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var rest = whole.AsMemory((int)memory.Position);
            memory.Position = memory.Length;
            foreach (var item in FromPlainMemory(rest, factory, options, sourceName, skipNonJson))
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return item;
            }

            yield break;
        }

        Stream content;
        CloudTrailReadException? opening = null;
        var source = stream is FileStream ? new SynchronousReadStream(stream, ownsFile: false) : stream;
        try
        {
            content = await Decompression.OpenAsync(source, options.MaxInflatedBytes, readAhead, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException ex)
        {
            content = Stream.Null;
            opening = DamagedAtOpening(ex, sourceName);
        }

        if (opening is not null)
        {
            yield return new ReadItem(null, opening);
            yield break;
        }

        var pump = new StreamPump(new ReadDriver(factory, options, sourceName, skipNonJson), sourceName);
        try
        {
            while (pump.Running)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (pump.NeedsRead)
                {
                    try
                    {
                        pump.Filled(await content.ReadAsync(pump.FreeSpace, cancellationToken).ConfigureAwait(false));
                    }
                    catch (InvalidDataException ex)
                    {
                        pump.Damaged(ex);
                    }
                }

                foreach (var item in pump.Process())
                {
                    yield return item;
                }

                pump.Delivered();
            }
        }
        finally
        {
            pump.Dispose();
            if (!ReferenceEquals(content, stream))
            {
                await content.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// A stream whose reads complete at once (gzip in memory), read with synchronous reads: as
    /// <see cref="FromStreamAsync"/>, without waiting on tasks that are already done.
    /// </summary>
    private static IEnumerable<ReadItem> FromStream(Stream stream, ICloudTrailEventFactory factory, CloudTrailReaderOptions options, string? sourceName, bool skipNonJson)
    {
        Stream content;
        CloudTrailReadException? opening = null;
        try
        {
            content = Decompression.Open(stream, options.MaxInflatedBytes);
        }
        catch (InvalidDataException ex)
        {
            content = Stream.Null;
            opening = DamagedAtOpening(ex, sourceName);
        }

        if (opening is not null)
        {
            yield return new ReadItem(null, opening);
            yield break;
        }

        var pump = new StreamPump(new ReadDriver(factory, options, sourceName, skipNonJson), sourceName);
        try
        {
            while (pump.Running)
            {
                if (pump.NeedsRead)
                {
                    try
                    {
                        pump.Filled(content.Read(pump.FreeSpace.Span));
                    }
                    catch (InvalidDataException ex)
                    {
                        pump.Damaged(ex);
                    }
                }

                foreach (var item in pump.Process())
                {
                    yield return item;
                }

                pump.Delivered();
            }
        }
        finally
        {
            pump.Dispose();
            content.Dispose();
        }
    }

    private static IEnumerable<ReadItem> FromPlainMemory(ReadOnlyMemory<byte> log, ICloudTrailEventFactory factory, CloudTrailReaderOptions options, string? sourceName, bool skipNonJson)
    {
        var driver = new ReadDriver(factory, options, sourceName, skipNonJson);
        int start = 0;
        int window = ReadDriver.BufferSize;
        while (!driver.IsDone)
        {
            int end = (int)Math.Min((long)start + window, log.Length);
            bool final = end == log.Length;
            int consumed = driver.Process(log.Span[start..end], final, start);
            start += consumed;
            foreach (var item in driver.Items)
            {
                yield return item;
            }

            driver.Items.Clear();
            if (consumed == 0)
            {
                if (final)
                {
                    break;
                }

                // A record longer than the window: widen it (the framer reports a record past
                // MaxRecordBytes before the window grows much further).
                window = (int)Math.Min(2L * window, int.MaxValue);
            }
            else
            {
                window = ReadDriver.BufferSize;
            }
        }
    }

    // Damage within the first bytes of a gzip layer, found while sniffing the layer inside it.
    private static CloudTrailReadException DamagedAtOpening(InvalidDataException ex, string? sourceName) =>
        new($"the compressed data is damaged: {ex.Message}", sourceName, -1, 0, ex);
}
