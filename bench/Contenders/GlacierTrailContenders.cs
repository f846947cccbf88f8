using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using GlacierTrail.Bench.Corpus;
using GlacierTrail.Events;

namespace GlacierTrail.Bench.Contenders;

/// <summary>Contender 5: GlacierTrail's typed parse of every record, from the same bytes in memory.</summary>
internal sealed class GlacierTrailTyped : IContender
{
    public string Name => "5 GlacierTrail typed parse";

    public RunResult Run(CorpusData corpus)
    {
        var total = default(RunResult);
        foreach (byte[] file in corpus.Files)
        {
            total = Drain.Add(total, GlacierTrailEvents.Read(file));
        }

        return total;
    }
}

/// <summary>Contender 6: GlacierTrail reading only the Glacier records of the mixed corpus.</summary>
internal sealed class GlacierTrailFiltered : IContender
{
    private static readonly CloudTrailReaderOptions Options = new()
    {
        EventFilter = static (source, _) => source.SequenceEqual("glacier.amazonaws.com"u8),
    };

    public string Name => "6 GlacierTrail filtered to Glacier";

    public RunResult Run(CorpusData corpus)
    {
        var total = default(RunResult);
        foreach (byte[] file in corpus.Files)
        {
            total = Drain.Add(total, GlacierTrailEvents.Read(file, Options), glacierOnly: true);
        }

        return total;
    }
}

/// <summary>Contenders 7 and 8: GlacierTrail end to end from the corpus's .json.gz files, on one core or on all.</summary>
internal sealed class GlacierTrailGzipFiles(int parallelFiles) : IContender
{
    public string Name => parallelFiles == 1 ? "7 GlacierTrail end to end, .json.gz, 1 file at a time" : $"8 GlacierTrail end to end, .json.gz, {parallelFiles} files at once";

    public RunResult Run(CorpusData corpus)
    {
        var options = new CloudTrailReaderOptions { MaxParallelFiles = parallelFiles };
        return Drain.Add(default, GlacierTrailEvents.ReadFileAsync(corpus.Spec.GzipDirectory, options));
    }
}

/// <summary>Gzip alone: how fast the corpus inflates, for orientation (bounds contender 7).</summary>
internal sealed class GzipInflateOnly : IContender
{
    public string Name => "- gzip inflate only (orientation)";

    public RunResult Run(CorpusData corpus)
    {
        byte[] buffer = new byte[64 * 1024];
        long bytes = 0;
        foreach (string path in corpus.GzipPaths)
        {
            using var file = File.OpenRead(path);
            using var gzip = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionMode.Decompress);
            int read;
            while ((read = gzip.Read(buffer)) > 0)
            {
                bytes += read;
            }
        }

        return new RunResult(0, bytes);
    }
}

internal static class Drain
{
    /// <summary>Consumes the events as a caller would, touching typed members, and adds them to <paramref name="total"/>.</summary>
    public static RunResult Add(RunResult total, IAsyncEnumerable<CloudTrailEvent> events, bool glacierOnly = false)
    {
        long records = total.Records, checksum = total.Checksum;
        var e = events.GetAsyncEnumerator();
        try
        {
            while (Wait(e.MoveNextAsync()))
            {
                var evt = e.Current;
                if (glacierOnly && evt is UnknownCloudTrailEvent)
                {
                    continue;
                }

                records++;
                checksum += Touch(evt);
            }
        }
        finally
        {
            Wait(e.DisposeAsync());
        }

        return new RunResult(records, checksum);
    }

    /// <summary>As above, for the in-memory reader.</summary>
    public static RunResult Add(RunResult total, IEnumerable<CloudTrailEvent> events, bool glacierOnly = false)
    {
        long records = total.Records, checksum = total.Checksum;
        foreach (var evt in events)
        {
            if (glacierOnly && evt is UnknownCloudTrailEvent)
            {
                continue;
            }

            records++;
            checksum += Touch(evt);
        }

        return new RunResult(records, checksum);
    }

    // The same typed members every GlacierTrail contender reads from each event.
    private static long Touch(CloudTrailEvent evt) =>
        (evt.EventTime?.Second ?? 0) + (evt is UnknownCloudTrailEvent ? 0 : 1) + (evt.UserIdentity?.Arn?.Length ?? 0);

    private static bool Wait(ValueTask<bool> task) => task.IsCompletedSuccessfully ? task.Result : task.AsTask().GetAwaiter().GetResult();

    private static void Wait(ValueTask task)
    {
        if (!task.IsCompletedSuccessfully)
        {
            task.AsTask().GetAwaiter().GetResult();
        }
    }
}
