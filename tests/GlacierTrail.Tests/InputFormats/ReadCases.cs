using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using GlacierTrail.Testing;
using Xunit;

namespace GlacierTrail.Tests;

/// <summary>
/// Named inputs for comparing two ways of reading the same bytes: every input format the reader
/// accepts (plain and gzip, small and larger than the in-memory reader's 64 KiB window), and
/// damaged inputs whose errors, record indices and byte offsets must come out the same.
/// </summary>
internal static class ReadCases
{
    /// <summary>The in-memory reader's window (InMemory.Window in the runtime): the stream reader's buffer size.</summary>
    public const int Window = 64 * 1024;

    /// <param name="Bytes">Makes the input.</param>
    /// <param name="Damaged">Whether reading it reports at least one error.</param>
    /// <param name="HasEvents">Whether it holds at least one readable record.</param>
    /// <param name="Options">Limits and format (the error policy is the caller's).</param>
    public sealed record Case(Func<byte[]> Bytes, bool Damaged = false, bool HasEvents = true, CloudTrailReaderOptions? Options = null);

    private static readonly Dictionary<string, Case> All = new(StringComparer.Ordinal)
    {
        // Every input format, as the samples hold it.
        ["log file"] = new(() => InputSamples.Bytes("cloudtrail-log.json")),
        ["log file, gzip"] = new(() => InputSamples.Bytes("cloudtrail-log.json.gz")),
        ["log file, gzip of gzip"] = new(() => TestLogs.Gzip(InputSamples.Bytes("cloudtrail-log.json.gz"))),
        ["log file with a byte order mark"] = new(() => [0xEF, 0xBB, 0xBF, .. InputSamples.Bytes("cloudtrail-log.json")]),
        ["log file with a byte order mark, gzip"] = new(() => TestLogs.Gzip([0xEF, 0xBB, 0xBF, .. InputSamples.Bytes("cloudtrail-log.json")])),
        ["log file with a member after Records"] = new(() => Encoding.UTF8.GetBytes(
            Encoding.UTF8.GetString(InputSamples.Bytes("cloudtrail-log.json")).TrimEnd().TrimEnd('}') + ",\"Digest\":{\"a\":[1,2,{\"b\":null}]}}")),
        ["NDJSON"] = new(() => Inflate(InputSamples.Bytes("records.ndjson.gz"))),
        ["NDJSON, gzip"] = new(() => InputSamples.Bytes("records.ndjson.gz")),
        ["records one after another with CRLF or nothing between"] = new(() => Encoding.UTF8.GetBytes(
            string.Concat(SampleRecords().Select((r, i) => r.ToJsonString() + (i % 3 == 0 ? "\r\n" : i % 3 == 1 ? string.Empty : " \t"))))),
        ["JSON array"] = new(() => InputSamples.Bytes("records-array.json")),
        ["one bare record"] = new(() => InputSamples.Bytes("bare-record.json")),
        ["EventBridge event"] = new(() => InputSamples.Bytes("eventbridge-event.json")),
        ["array of EventBridge events"] = new(() => InputSamples.Bytes("eventbridge-events-array.json")),
        ["NDJSON of EventBridge events"] = new(() => InputSamples.Bytes("eventbridge-events.ndjson")),
        ["LookupEvents output"] = new(() => InputSamples.Bytes("lookup-events.json")),
        ["CloudWatch Logs Lambda event"] = new(() => InputSamples.Bytes("cloudwatch-lambda-event.json")),
        ["CloudWatch Logs payload"] = new(() => InputSamples.Bytes("cloudwatch-lambda-payload.json")),
        ["Firehose object"] = new(() => Inflate(InputSamples.Bytes("firehose-object.gz"))),
        ["Firehose object, gzip"] = new(() => InputSamples.Bytes("firehose-object.gz")),
        ["Glacier records only (EventFilter)"] = new(() => InputSamples.Bytes("cloudtrail-log.json"), Options: new() { EventFilter = static (source, _) => source.SequenceEqual("glacier.amazonaws.com"u8) }),
        ["digest file"] = new(() => InputSamples.Bytes("digest.json"), HasEvents: false),
        ["whitespace only"] = new(() => " \r\n\t\n"u8.ToArray(), HasEvents: false),
        ["a byte order mark only"] = new(() => [0xEF, 0xBB, 0xBF], HasEvents: false),

        // The same formats, larger than the window, so records cross its edges.
        ["large log file"] = new(() => RecordBuilder.Log(ManyRecords(700).Select(r => r.ToJsonString()))),
        ["large log file, gzip"] = new(() => TestLogs.Gzip(RecordBuilder.Log(ManyRecords(700).Select(r => r.ToJsonString())))),
        ["large indented log file"] = new(() => TestLogs.LogOf(ManyRecords(400))),
        ["large NDJSON"] = new(() => RecordBuilder.Ndjson(ManyRecords(700).Select(r => r.ToJsonString()))),
        ["large JSON array"] = new(() => RecordBuilder.JsonArray(ManyRecords(700).Select(r => r.ToJsonString()))),
        ["large NDJSON of EventBridge events"] = new(() => Repeat(InputSamples.Bytes("eventbridge-events.ndjson"), 250)),
        ["large LookupEvents output"] = new(() => LargeLookupEvents(120)),
        ["large CloudWatch Logs payload (one value longer than the window)"] = new(() => LargeCloudWatchPayload(90)),
        ["large Firehose object"] = new(() => Repeat(Inflate(InputSamples.Bytes("firehose-object.gz")), 120)),
        ["large Firehose object, gzip"] = new(() => TestLogs.Gzip(Repeat(Inflate(InputSamples.Bytes("firehose-object.gz")), 120))),

        // Damage.
        ["truncated log file"] = new(() => TruncatedExample(), Damaged: true),
        ["truncated large log file"] = new(() => TruncatedLarge(), Damaged: true),
        ["a bad record in the middle"] = new(() => TestLogs.WithBadVaultName().Log, Damaged: true, Options: TestLogs.Strict),
        ["a bad record in the middle, gzip"] = new(() => TestLogs.Gzip(TestLogs.WithBadVaultName().Log), Damaged: true, Options: TestLogs.Strict),
        ["bad records around the window's edge"] = new(() => BadRecordsAroundTheEdge(), Damaged: true, Options: TestLogs.Strict),
        ["records with problems, delivered"] = new(() => TestLogs.WithBadVaultName().Log),
        ["records with problems around the window's edge, delivered"] = new(() => BadRecordsAroundTheEdge()),
        ["invalid JSON in the middle"] = new(() => UnquotedEventSource(), Damaged: true),
        ["invalid JSON around the window's edge"] = new(() => InvalidJsonAroundTheEdge(), Damaged: true),
        ["NDJSON with a line that is not JSON"] = new(() => NdjsonWithJunkLines(), Damaged: true),
        ["NDJSON with a truncated last line"] = new(() => RecordBuilder.Ndjson(SampleRecords().Select(r => r.ToJsonString()))[..^200], Damaged: true),
        ["array with values that are not records"] = new(() => Encoding.UTF8.GetBytes(
            $"[1, {{}}, {SampleRecords()[0].ToJsonString()}, \"text\", null, [], {SampleRecords()[1].ToJsonString()}]"), Damaged: true),
        ["not JSON"] = new(() => "hello, world\nthis is not a log\n"u8.ToArray(), Damaged: true, HasEvents: false),
        ["truncated gzip"] = new(() => TestLogs.Gzip(RecordBuilder.Log(ManyRecords(40).Select(r => r.ToJsonString())))[..1500], Damaged: true),
        ["gzip with a bad checksum"] = new(() => BadChecksum(), Damaged: true),
        ["gzip magic bytes then garbage"] = new(() => [0x1F, 0x8B, 0x08, 0x00, .. "not deflate data at all"u8], Damaged: true, HasEvents: false),
        ["a record over MaxRecordBytes"] = new(() => WithLongUserAgent(1, 5000), Damaged: true, Options: new() { MaxRecordBytes = 2048 }),
        ["NDJSON with a string over MaxStringBytes"] = new(() => NdjsonWithLongUserAgent(), Damaged: true, Options: new() { MaxStringBytes = 1000 }),
        ["a log file with a string over MaxStringBytes"] = new(() => WithLongUserAgent(1, 5000), Damaged: true, Options: new() { MaxStringBytes = 1000 }),
        ["a log file with a string over MaxStringBytes in a record the filter accepts"] = new(() => WithLongUserAgent(1, 5000), Damaged: true, Options: new() { MaxStringBytes = 1000, EventFilter = static (_, _) => true }),
        ["a record nested deeper than MaxDepth"] = new(() => NestedTooDeep(), Damaged: true, Options: new() { MaxDepth = 8 }),
        ["a forced format that does not match"] = new(() => InputSamples.Bytes("cloudtrail-log.json"), Damaged: true, HasEvents: false, Options: new() { Format = CloudTrailInputFormat.LookupEvents }),
    };

    public static TheoryData<string> AllNames() => new(All.Keys);

    public static Case Get(string name) => All[name];

    /// <summary>The records of <c>cloudtrail-log.json</c>, as mutable JSON.</summary>
    public static List<JsonObject> SampleRecords() =>
        InputSamples.LogRecords().Select(r => JsonNode.Parse(r.GetRawText())!.AsObject()).ToList();

    /// <summary>The sample records over and over, each with its own eventID.</summary>
    public static List<JsonObject> ManyRecords(int count) => RecordBuilder.Repeat(SampleRecords(), count);

    public static byte[] Inflate(byte[] gzip)
    {
        using var input = new GZipStream(new MemoryStream(gzip), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>The sample log with the record at <paramref name="position"/> given a long userAgent.</summary>
    public static byte[] WithLongUserAgent(int position, int length)
    {
        var records = SampleRecords();
        records[position]["userAgent"] = new string('a', length);
        return TestLogs.LogOf(records);
    }

    private static byte[] Repeat(byte[] data, int times)
    {
        var output = new MemoryStream();
        for (int i = 0; i < times; i++)
        {
            output.Write(data);
        }

        return output.ToArray();
    }

    private static byte[] LargeLookupEvents(int times)
    {
        var output = JsonNode.Parse(InputSamples.Bytes("lookup-events.json"))!.AsObject();
        var events = output["Events"]!.AsArray();
        var entries = events.Select(e => e!.DeepClone()).ToList();
        for (int i = 1; i < times; i++)
        {
            foreach (var entry in entries)
            {
                events.Add(entry.DeepClone());
            }
        }

        return Encoding.UTF8.GetBytes(output.ToJsonString(TestLogs.Indented));
    }

    private static byte[] LargeCloudWatchPayload(int times)
    {
        var payload = JsonNode.Parse(InputSamples.Bytes("cloudwatch-lambda-payload.json"))!.AsObject();
        var logEvents = payload["logEvents"]!.AsArray();
        var entries = logEvents.Select(e => e!.DeepClone()).ToList();
        for (int i = 1; i < times; i++)
        {
            foreach (var entry in entries)
            {
                logEvents.Add(entry.DeepClone());
            }
        }

        byte[] bytes = Encoding.UTF8.GetBytes(payload.ToJsonString(TestLogs.Indented));
        Assert.True(bytes.Length > Window);
        return bytes;
    }

    private static byte[] TruncatedExample()
    {
        byte[] log = TestLogs.ExampleBytes();
        int cut = Encoding.UTF8.GetString(log).IndexOf("\"ListVaults\"", StringComparison.Ordinal) + 5;
        return log[..cut];
    }

    private static byte[] TruncatedLarge()
    {
        byte[] log = RecordBuilder.Log(ManyRecords(500).Select(r => r.ToJsonString()));
        var offsets = TestLogs.RecordOffsets(log);
        int record = offsets.FindIndex(o => o > Window + 100_000);
        return log[..(int)(offsets[record] + 700)];
    }

    /// <summary>A large log whose records nearest the window's edge have an eventTime that is a number.</summary>
    private static byte[] BadRecordsAroundTheEdge()
    {
        var records = ManyRecords(500);
        var offsets = TestLogs.RecordOffsets(RecordBuilder.Log(records.Select(r => r.ToJsonString())));
        int straddling = offsets.FindLastIndex(o => o < Window);
        foreach (int i in new[] { 3, straddling - 1, straddling, straddling + 1, records.Count - 2 })
        {
            records[i]["eventTime"] = 1736202973;
        }

        return RecordBuilder.Log(records.Select(r => r.ToJsonString()));
    }

    private static byte[] UnquotedEventSource()
    {
        string text = Encoding.UTF8.GetString(TestLogs.ExampleBytes());
        int listVaults = text.IndexOf("\"ListVaults\"", StringComparison.Ordinal);
        int colon = text.IndexOf("\"eventSource\": ", listVaults, StringComparison.Ordinal) + "\"eventSource\": ".Length;
        return Encoding.UTF8.GetBytes(text[..colon] + "glacier" + text[colon..]);
    }

    /// <summary>
    /// A large log with syntax errors in records before, across and after the window's edge. The
    /// damage leaves quotes paired: after damage that unpairs them, where the framer's recovery
    /// decides the bad record ends depends on how much of the log is in view, so a stream (64 KiB
    /// at a time) and memory (64 KiB at a time) can resume at different records.
    /// </summary>
    private static byte[] InvalidJsonAroundTheEdge()
    {
        var records = ManyRecords(500).Select(r => r.ToJsonString()).ToList();
        var offsets = TestLogs.RecordOffsets(RecordBuilder.Log(records));
        int straddling = offsets.FindLastIndex(o => o < Window);
        foreach (int i in new[] { 10, straddling, straddling + 2, 480 })
        {
            records[i] = records[i].Replace("\"awsRegion\":\"", "\"awsRegion\":,\"", StringComparison.Ordinal);
        }

        return RecordBuilder.Log(records);
    }

    private static byte[] NdjsonWithJunkLines()
    {
        var lines = ManyRecords(300).Select(r => r.ToJsonString()).ToList();
        lines[2] = "this line is not JSON";
        lines[150] = "<html>502 Bad Gateway</html>";
        lines[151] = lines[151][..(lines[151].Length / 2)];
        return RecordBuilder.Ndjson(lines);
    }

    private static byte[] NdjsonWithLongUserAgent()
    {
        var records = ManyRecords(300);
        records[1]["userAgent"] = new string('a', 5000);
        records[200]["userAgent"] = new string('b', 5000);
        return RecordBuilder.Ndjson(records.Select(r => r.ToJsonString()));
    }

    private static byte[] BadChecksum()
    {
        byte[] gzip = TestLogs.Gzip(RecordBuilder.Log(ManyRecords(300).Select(r => r.ToJsonString())));
        gzip[^8] ^= 0xFF; // the trailer's CRC-32
        return gzip;
    }

    private static byte[] NestedTooDeep()
    {
        var records = SampleRecords();
        JsonNode nested = "bottom";
        for (int i = 0; i < 10; i++)
        {
            nested = new JsonObject { ["level"] = nested };
        }

        records[3]["requestParameters"]!["nested"] = nested;
        return TestLogs.LogOf(records);
    }
}
