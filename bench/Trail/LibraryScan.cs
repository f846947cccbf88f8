using System;
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
        using var output = new FileStream(tree.OutputPath(Key), FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024);
        using var writer = new Utf8JsonWriter(output);
        var events = GlacierTrailEvents.ReadFileAsync(tree.Logs, Options).GetAsyncEnumerator();
        try
        {
            while (events.MoveNextAsync().AsTask().GetAwaiter().GetResult())
            {
                events.Current.WriteTo(writer);
                writer.Flush();
                output.WriteByte((byte)'\n');
                writer.Reset();
            }
        }
        finally
        {
            events.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}
