using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using GlacierTrail.Events;

namespace GlacierTrail.Robustness.Tests;

/// <summary>What reading one input gave: the events and the reported errors, in order.</summary>
internal sealed record Outcome(List<CloudTrailEvent> Events, List<CloudTrailReadException> Errors, List<string> Notices)
{
    public override string ToString()
    {
        var text = new System.Text.StringBuilder();
        foreach (var e in Events)
        {
            text.Append("event ").Append(e.EventName).Append(' ').Append(e.EventId).Append('\n');
        }

        foreach (var e in Errors)
        {
            text.Append("error #").Append(e.RecordIndex).Append(" @").Append(e.ByteOffset).Append(' ').Append(e.Message).Append('\n');
        }

        foreach (var n in Notices)
        {
            text.Append("notice ").Append(n).Append('\n');
        }

        return text.ToString();
    }
}

internal static class Harness
{
    public static string CorpusPath(string name) => Path.Combine(AppContext.BaseDirectory, "Corpus", name);

    /// <summary>Reads a stream in Skip mode, collecting events, errors and notices.</summary>
    public static async Task<Outcome> ReadAsync(Stream stream, string source, CloudTrailReaderOptions? options = null, CancellationToken cancellationToken = default)
    {
        var events = new List<CloudTrailEvent>();
        var errors = new List<CloudTrailReadException>();
        var notices = new List<string>();
        options = With(options ?? new CloudTrailReaderOptions(), errors, notices);
        await foreach (var evt in GlacierTrailEvents.ReadAsync(stream, options, source, cancellationToken))
        {
            events.Add(evt);
        }

        return new Outcome(events, errors, notices);
    }

    public static Task<Outcome> ReadAsync(byte[] bytes, string source = "input", CloudTrailReaderOptions? options = null, CancellationToken cancellationToken = default) =>
        ReadAsync(new MemoryStream(bytes, writable: false), source, options, cancellationToken);

    /// <summary>Reads a file through the path entry point, as the command-line tool does.</summary>
    public static async Task<Outcome> ReadFileAsync(string path, CloudTrailReaderOptions? options = null)
    {
        var events = new List<CloudTrailEvent>();
        var errors = new List<CloudTrailReadException>();
        var notices = new List<string>();
        options = With(options ?? new CloudTrailReaderOptions(), errors, notices);
        await foreach (var evt in GlacierTrailEvents.ReadFileAsync(path, options))
        {
            events.Add(evt);
        }

        return new Outcome(events, errors, notices);
    }

    private static CloudTrailReaderOptions With(CloudTrailReaderOptions o, List<CloudTrailReadException> errors, List<string> notices) => new()
    {
        MaxRecordBytes = o.MaxRecordBytes,
        MaxStringBytes = o.MaxStringBytes,
        MaxDepth = o.MaxDepth,
        MaxInflatedBytes = o.MaxInflatedBytes,
        TypeMismatch = o.TypeMismatch,
        Format = o.Format,
        ErrorHandling = CloudTrailErrorHandling.Skip,
        OnError = errors.Add,
        OnNotice = notices.Add,
    };
}
