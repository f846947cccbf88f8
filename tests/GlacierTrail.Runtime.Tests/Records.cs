using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using GlacierTrail.Framing;
using GlacierTrail.Reading;
using GlacierTrail.Serialization;

namespace GlacierTrail.Runtime.Tests;

/// <summary>Small CloudTrail records and logs built in code, and a factory that knows no event types.</summary>
internal static class Records
{
    /// <summary>Every record is read as an <see cref="UnknownCloudTrailEvent"/>: no generated types here.</summary>
    public static readonly ICloudTrailEventFactory NoSchemas = new NoSchemaFactory();

    public static string Record(string name, string source = "glacier.amazonaws.com", string padding = "") =>
        $$"""{"eventVersion":"1.08","eventTime":"2024-01-01T00:00:00Z","eventSource":"{{source}}","eventName":"{{name}}","awsRegion":"us-east-1","padding":"{{padding}}"}""";

    /// <summary>A log file: <c>{"Records":[...]}</c>.</summary>
    public static byte[] Log(params string[] records) => Encoding.UTF8.GetBytes($$"""{"Records":[{{string.Join(",\n", records)}}]}""");

    public static byte[] Lines(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n");

    public static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    /// <summary>What a read gave, one line per item, so that two reads compare in one assertion.</summary>
    public static List<string> Describe(IEnumerable<ReadItem> items) =>
        items.Select(i => i.Event is { } e ? $"event {e.RecordIndex} {e.EventName}"
            : i.Error is { } x ? $"error {x.RecordIndex} at {x.ByteOffset}: {x.Detail}"
            : $"notice {i.Notice}").ToList();

    private sealed class NoSchemaFactory : ICloudTrailEventFactory
    {
        public IReadOnlyList<CloudTrailEventKey> KnownEvents => [];

        public CloudTrailEvent? Create(ReadOnlySpan<byte> eventSource, ReadOnlySpan<byte> eventName) => null;
    }
}
