using System;
using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace GlacierTrail.Parquet.Columns;

/// <summary>
/// The buffer a value is written into as JSON text before it is copied on: into a row group, or
/// into the records held for sorting. One per thread that writes, shared by every table and
/// partition it writes: a dataset may have thousands of partitions, and each needs the buffer
/// only for the length of one value.
/// </summary>
internal sealed class JsonScratch
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly Utf8JsonWriter _writer;

    public JsonScratch() => _writer = new Utf8JsonWriter(_buffer, Options);

    /// <summary>An empty writer; the text it gets is <see cref="Written"/> until the next call.</summary>
    public Utf8JsonWriter Start()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        return _writer;
    }

    /// <summary>The UTF-8 text written since <see cref="Start"/>.</summary>
    public ReadOnlySpan<byte> Written
    {
        get
        {
            _writer.Flush();
            return _buffer.WrittenSpan;
        }
    }
}
