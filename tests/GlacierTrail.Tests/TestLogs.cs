using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using GlacierTrail.Events;
using GlacierTrail.Testing;

namespace GlacierTrail.Tests;

/// <summary>Builds and reads test logs.</summary>
internal static class TestLogs
{
    public static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static byte[] ExampleBytes() => File.ReadAllBytes(TestPaths.ExampleLog);

    /// <summary>The records of the example log, as mutable JSON.</summary>
    public static List<JsonObject> ExampleRecords() =>
        JsonNode.Parse(ExampleBytes())!["Records"]!.AsArray().Select(r => r!.DeepClone().AsObject()).ToList();

    /// <summary>A log file of the records, each written indented.</summary>
    public static byte[] LogOf(IEnumerable<JsonObject> records) => RecordBuilder.Log(records.Select(r => r.ToJsonString(Indented)));

    public static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    public static async Task<List<CloudTrailEvent>> ReadAllAsync(byte[] data, CloudTrailReaderOptions? options = null, string? sourceName = null)
    {
        var events = new List<CloudTrailEvent>();
        await foreach (var evt in GlacierTrailEvents.ReadAsync(new MemoryStream(data), options, sourceName))
        {
            events.Add(evt);
        }

        return events;
    }

    public static async Task<List<CloudTrailEvent>> ReadFileAsync(string path, CloudTrailReaderOptions? options = null)
    {
        var events = new List<CloudTrailEvent>();
        await foreach (var evt in GlacierTrailEvents.ReadFileAsync(path, options))
        {
            events.Add(evt);
        }

        return events;
    }

    /// <summary>Reads until the reader throws; returns what came before and the error (null if none).</summary>
    public static async Task<(List<CloudTrailEvent> Events, CloudTrailReadException? Error)> ReadUntilErrorAsync(IAsyncEnumerable<CloudTrailEvent> source)
    {
        var events = new List<CloudTrailEvent>();
        try
        {
            await foreach (var evt in source)
            {
                events.Add(evt);
            }
        }
        catch (CloudTrailReadException ex)
        {
            return (events, ex);
        }

        return (events, null);
    }

    /// <summary>The records a test-data file holds, whatever its framing (log file, array, NDJSON, bare record).</summary>
    public static List<JsonElement> RecordsIn(byte[] data)
    {
        var records = new List<JsonElement>();
        var reader = new Utf8JsonReader(data.AsSpan().StartsWith("\uFEFF"u8) ? data.AsSpan(3) : data, new JsonReaderOptions { AllowMultipleValues = true });
        while (reader.Read())
        {
            using var doc = JsonDocument.ParseValue(ref reader);
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Array)
            {
                records.AddRange(root.EnumerateArray().Select(r => r.Clone()));
            }
            else if (root.TryGetProperty("Records", out var inner))
            {
                records.AddRange(inner.EnumerateArray().Select(r => r.Clone()));
            }
            else
            {
                records.Add(root.Clone());
            }
        }

        return records;
    }

    /// <summary>Where each record of a <c>{"Records":[...]}</c> log starts.</summary>
    public static List<long> RecordOffsets(byte[] log)
    {
        var offsets = new List<long>();
        var reader = new Utf8JsonReader(log);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.StartObject && reader.CurrentDepth == 2)
            {
                offsets.Add(reader.TokenStartIndex);
            }
        }

        return offsets;
    }

    public static JsonElement Element(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.Clone();
    }

    /// <summary>A fresh temporary folder, deleted by the caller.</summary>
    public static string TempFolder()
    {
        string path = Path.Combine(Path.GetTempPath(), "glaciertrail-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Options under which a record with a problem fails, as every such record did before problems were delivered.</summary>
    public static CloudTrailReaderOptions Strict { get; } = new() { Strict = true };

    /// <summary>
    /// Five records, the third with <c>"vaultName": 5</c>, which fails in strict mode (<see cref="Strict"/>)
    /// and is delivered with a problem otherwise; the offset of the 5 in the (uncompressed) bytes.
    /// </summary>
    public static (byte[] Log, long BadOffset) WithBadVaultName()
    {
        var records = ExampleRecords();
        var bad = records[3].DeepClone().AsObject();
        bad["requestParameters"]!["vaultName"] = 5;
        byte[] log = LogOf([records[0], records[1], bad, records[2], records[3]]);
        string text = Encoding.UTF8.GetString(log);
        const string badMember = "\"vaultName\": 5";
        int at = text.IndexOf(badMember, StringComparison.Ordinal);
        Xunit.Assert.True(at > 0 && text.IndexOf(badMember, at + 1, StringComparison.Ordinal) < 0);
        return (log, at + badMember.Length - 1);
    }
}
