using System;
using System.Buffers;
using System.IO;
using System.Text.Json;
using GlacierTrail.Events;

namespace GlacierTrail.Bench.Trail;

/// <summary>
/// GlacierTrail as a library: <c>ReadFileAsync</c> over the tree with the default options (every
/// core) and an event filter for Glacier, each event written back as one NDJSON line.
/// </summary>
internal sealed class LibraryScan : ITrailContender
{
    private static readonly CloudTrailReaderOptions Options = new()
    {
        EventFilter = static (source, _) => source.SequenceEqual("glacier.amazonaws.com"u8),
    };

    public string Name => "glaciertrail, the library (ReadFileAsync + EventFilter)";

    public string Key => "library";

    public string? Unavailable => null;

    public bool WritesRecords => true;

    public int WarmUpRuns => 3;

    public void Run(TrailTree tree)
    {
        // Lines gather in memory and reach the file 64 KiB at a time: a Utf8JsonWriter over the
        // file itself would flush the file, a system call, after every record.
        using var output = new FileStream(tree.OutputPath(Key), FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
        var lines = new ArrayBufferWriter<byte>(128 * 1024);
        using var writer = new Utf8JsonWriter(lines);
        var events = GlacierTrailEvents.ReadFileAsync(tree.Logs, Options).GetAsyncEnumerator();
        try
        {
            while (events.MoveNextAsync().AsTask().GetAwaiter().GetResult())
            {
                events.Current.WriteTo(writer);
                writer.Flush();
                writer.Reset();
                lines.Write("\n"u8);
                if (lines.WrittenCount >= 64 * 1024)
                {
                    output.Write(lines.WrittenSpan);
                    lines.ResetWrittenCount();
                }
            }

            output.Write(lines.WrittenSpan);
        }
        finally
        {
            events.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}
