using System;
using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace GlacierTrail.Cli.Input;

/// <summary>
/// An event written back as JSON by the runtime's writer (from its typed values, JSON-equal to
/// the record read), and parsed on demand: how the tool reaches typed payloads of any event type
/// without reflection.
/// </summary>
internal sealed class RecordJson : IDisposable
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Non-ASCII stays readable; control characters are still escaped by every encoder.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = false,
    };

    private readonly ArrayBufferWriter<byte> _buffer = new(16 * 1024);
    private readonly Utf8JsonWriter _writer;
    private JsonDocument? _document;

    public RecordJson()
    {
        _writer = new Utf8JsonWriter(_buffer, WriterOptions);
    }

    /// <summary>The record's UTF-8 JSON, valid until the next <see cref="Load"/>.</summary>
    public ReadOnlySpan<byte> Utf8 => _buffer.WrittenSpan;

    public void Load(CloudTrailEvent evt)
    {
        _document?.Dispose();
        _document = null;
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        evt.WriteTo(_writer);
        _writer.Flush();
    }

    /// <summary>The record as a parsed document.</summary>
    public JsonElement Root => (_document ??= JsonDocument.Parse(_buffer.WrittenMemory)).RootElement;

    /// <summary>A payload (<c>requestParameters</c>, ...) when the record has one.</summary>
    public JsonElement? Member(string name) => Root.TryGetProperty(name, out var value) ? value : null;

    /// <summary><c>requestParameters.vaultName</c>, the vault a Glacier call acts on.</summary>
    public string? Vault =>
        Member("requestParameters") is { ValueKind: JsonValueKind.Object } request
        && request.TryGetProperty("vaultName", out var vault) && vault.ValueKind == JsonValueKind.String
            ? vault.GetString()
            : null;

    public void Dispose()
    {
        _document?.Dispose();
        _writer.Dispose();
    }
}
