using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using GlacierTrail.Testing;

namespace GlacierTrail.Robustness.Tests;

/// <summary>The 66 valid fixture records, each minified to one line.</summary>
internal static class Records
{
    private static readonly Lazy<byte[][]> All = new(() => Directory
        .GetFiles(Path.Combine(AppContext.BaseDirectory, "fixtures"), "*.json")
        .OrderBy(f => f, StringComparer.Ordinal)
        .Select(f => Minify(File.ReadAllBytes(f)))
        .ToArray());

    public static IReadOnlyList<byte[]> Fixtures => All.Value;

    /// <summary>One fixture by file name without extension, e.g. <c>CreateVault.success</c>.</summary>
    public static byte[] Fixture(string name) => Minify(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "fixtures", name + ".json")));

    public static string Name(byte[] record)
    {
        using var doc = JsonDocument.Parse(record);
        return doc.RootElement.GetProperty("eventName").GetString()!;
    }

    public static byte[] Minify(byte[] json)
    {
        using var doc = JsonDocument.Parse(json);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            doc.WriteTo(writer);
        }

        return buffer.ToArray();
    }

    /// <summary>A CloudTrail log file holding the records, and where each record starts and ends.</summary>
    public static (byte[] Bytes, (int Start, int End)[] Spans) Log(IReadOnlyList<byte[]> records) => Join(records, RecordBuilder.LogOpen, ","u8, RecordBuilder.LogClose);

    /// <summary>NDJSON: one record a line.</summary>
    public static (byte[] Bytes, (int Start, int End)[] Spans) Ndjson(IReadOnlyList<byte[]> records) => Join(records, default, "\n"u8, "\n"u8);

    private static (byte[], (int, int)[]) Join(IReadOnlyList<byte[]> records, ReadOnlySpan<byte> open, ReadOnlySpan<byte> separator, ReadOnlySpan<byte> close)
    {
        var buffer = new MemoryStream();
        var spans = new (int, int)[records.Count];
        buffer.Write(open);
        for (int i = 0; i < records.Count; i++)
        {
            if (i > 0)
            {
                buffer.Write(separator);
            }

            spans[i] = ((int)buffer.Length, (int)buffer.Length + records[i].Length);
            buffer.Write(records[i]);
        }

        buffer.Write(close);
        return (buffer.ToArray(), spans);
    }
}
