using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using GlacierTrail.Events;
using GlacierTrail.Testing;

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

    /// <summary>The records of a plain (not gzip) log or bare record, each as its JSON text: a Records array's elements, or the value itself.</summary>
    public static List<string> RecordsOf(string path)
    {
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(path));
        var root = document.RootElement;
        var records = new List<string>();
        if (root.ValueKind == System.Text.Json.JsonValueKind.Object && root.TryGetProperty("Records", out var array) && array.ValueKind == System.Text.Json.JsonValueKind.Array)
        {
            foreach (var record in array.EnumerateArray())
            {
                records.Add(record.GetRawText());
            }
        }
        else
        {
            records.Add(root.GetRawText());
        }

        return records;
    }

    /// <summary>Reads a stream in Skip mode, collecting events, errors and notices.</summary>
    public static async Task<Outcome> ReadAsync(Stream stream, string source, CloudTrailReaderOptions? options = null, CancellationToken cancellationToken = default)
    {
        var events = new List<CloudTrailEvent>();
        var errors = new List<CloudTrailReadException>();
        var notices = new List<string>();
        options = ReaderOptions.With(options, CloudTrailErrorHandling.Skip, errors.Add, notices.Add);
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
        options = ReaderOptions.With(options, CloudTrailErrorHandling.Skip, errors.Add, notices.Add);
        await foreach (var evt in GlacierTrailEvents.ReadFileAsync(path, options))
        {
            events.Add(evt);
        }

        return new Outcome(events, errors, notices);
    }
}
