using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using GlacierTrail.Serialization;

namespace GlacierTrail;

/// <summary>
/// Reads a log that is already in memory: the framer is shown the bytes where they lie, a window
/// at a time, so nothing is copied and each batch of events is handed out before the next is
/// parsed (a large log is never held as events all at once).
/// </summary>
internal static class InMemory
{
    // As the stream reader's buffer: a batch of a few dozen records, held as events at once.
    internal const int Window = CloudTrailLogReader.InitialBufferSize;

    public static IEnumerable<ReadItem> ReadItems(ReadOnlyMemory<byte> log, ICloudTrailEventFactory factory, CloudTrailReaderOptions options, string? sourceName, bool skipNonJson = false)
    {
        if (skipNonJson && !CloudTrailLogReader.LooksLikeJson(log.Span))
        {
            options.OnNotice?.Invoke($"{sourceName}: not a JSON log file; skipped");
            yield break;
        }

        if (log.IsEmpty)
        {
            // As for a stream: not an error, but an empty CloudTrail log is usually a failed upload.
            options.OnNotice?.Invoke($"{sourceName ?? "input"}: empty; no records");
            yield break;
        }

        var framer = new RecordFramer(factory, options, sourceName);
        var items = new List<ReadItem>();
        int start = 0;
        int window = Window;
        while (!framer.IsDone)
        {
            int end = (int)Math.Min((long)start + window, log.Length);
            bool final = end == log.Length;
            int consumed = framer.Process(log.Span[start..end], final, start, items);
            start += consumed;
            foreach (var item in items)
            {
                yield return item;
            }

            items.Clear();
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
                window = Window;
            }
        }
    }

    /// <summary>Gzip in memory: inflated through the stream reader, which completes synchronously over memory.</summary>
    public static IEnumerable<ReadItem> ReadCompressed(ReadOnlyMemory<byte> log, ICloudTrailEventFactory factory, CloudTrailReaderOptions options, string? sourceName)
    {
        var stream = new ReadOnlyMemoryStream(log);
        var items = CloudTrailLogReader.ReadItemsAsync(stream, factory, options, sourceName, skipNonJson: false, CancellationToken.None).GetAsyncEnumerator();
        try
        {
            while (Wait(items.MoveNextAsync()))
            {
                yield return items.Current;
            }
        }
        finally
        {
            var disposing = items.DisposeAsync();
            if (!disposing.IsCompletedSuccessfully)
            {
                disposing.AsTask().GetAwaiter().GetResult();
            }
        }
    }

    private static bool Wait(ValueTask<bool> next) => next.IsCompletedSuccessfully ? next.Result : next.AsTask().GetAwaiter().GetResult();
}
