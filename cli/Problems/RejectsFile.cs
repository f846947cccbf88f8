using System;
using System.Text.Json;
using System.Text.Unicode;
using GlacierTrail.Cli.Output;

namespace GlacierTrail.Cli.Problems;

/// <summary>
/// The dead-letter file of <c>--rejects</c>: each record that could not be read, one JSON line
/// each, with its bytes as far as the reader could delimit them (UTF-8 text where it is, base64
/// where it is not), so a pipeline loses nothing silently.
/// </summary>
internal sealed class RejectsFile : IDisposable
{
    private readonly AtomicFile _file;
    private readonly Utf8JsonWriter _writer;

    public RejectsFile(string path)
    {
        _file = AtomicFile.Create(path, "--rejects");
        _writer = new Utf8JsonWriter(_file.Stream);
    }

    public long Count { get; private set; }

    public void Add(CloudTrailReadException error)
    {
        Count++;
        var raw = error.RawRecord.Span;
        bool text = Utf8.IsValid(raw);
        _writer.WriteStartObject();
        _writer.WriteString("source"u8, error.Source);
        _writer.WriteNumber("recordIndex"u8, error.RecordIndex);
        _writer.WriteNumber("byteOffset"u8, error.ByteOffset);
        _writer.WriteString("error"u8, error.Detail);
        if (text)
        {
            _writer.WriteString("raw"u8, raw);
        }
        else
        {
            _writer.WriteBase64String("raw"u8, raw);
        }

        _writer.WriteString("rawEncoding"u8, text ? "utf8" : "base64");
        _writer.WriteBoolean("truncated"u8, error.RawRecordTruncated);
        _writer.WriteEndObject();
        _writer.Flush();
        _writer.Reset();
        _file.Stream.WriteByte((byte)'\n');
    }

    /// <summary>Renames the file into place once the run is complete.</summary>
    public void Commit()
    {
        _writer.Dispose();
        _file.Commit();
    }

    public void Dispose()
    {
        // After Commit the writer is disposed and the file in place: both calls do nothing.
        _writer.Dispose();
        _file.Dispose();
    }
}
