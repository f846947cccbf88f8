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
    private CloudTrailEvent? _event;
    private bool _written;

    public RecordJson()
    {
        _writer = new Utf8JsonWriter(_buffer, WriterOptions);
    }

    /// <summary>The record's UTF-8 JSON, valid until the next <see cref="Load"/>.</summary>
    public ReadOnlySpan<byte> Utf8
    {
        get
        {
            EnsureWritten();
            return _buffer.WrittenSpan;
        }
    }

    /// <summary>Takes the next event; it is written out only when something asks for its JSON.</summary>
    public void Load(CloudTrailEvent evt)
    {
        _document?.Dispose();
        _document = null;
        _event = evt;
        _written = false;
    }

    /// <summary>The record as a parsed document.</summary>
    public JsonElement Root
    {
        get
        {
            EnsureWritten();
            return (_document ??= JsonDocument.Parse(_buffer.WrittenMemory)).RootElement;
        }
    }

    /// <summary>A payload (<c>requestParameters</c>, ...) when the record has one.</summary>
    public JsonElement? Member(string name) => Root.TryGetProperty(name, out var value) ? value : null;

    /// <summary><c>requestParameters.vaultName</c>, the vault a Glacier call acts on.</summary>
    /// <remarks>
    /// Read with one forward pass over the written record rather than a parsed document: the
    /// summary asks this of every event and nothing else of its JSON.
    /// </remarks>
    public string? Vault
    {
        get
        {
            EnsureWritten();
            var reader = new Utf8JsonReader(_buffer.WrittenSpan);
            reader.Read(); // the record's '{'
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool request = reader.ValueTextEquals("requestParameters"u8);
                reader.Read();
                if (!request || reader.TokenType != JsonTokenType.StartObject)
                {
                    reader.Skip();
                    continue;
                }

                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    bool vault = reader.ValueTextEquals("vaultName"u8);
                    reader.Read();
                    if (vault)
                    {
                        return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                    }

                    reader.Skip();
                }

                return null;
            }

            return null;
        }
    }

    private void EnsureWritten()
    {
        if (_written || _event is null)
        {
            return;
        }

        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        _event.WriteTo(_writer);
        _writer.Flush();
        _written = true;
    }

    public void Dispose()
    {
        _document?.Dispose();
        _writer.Dispose();
    }
}
