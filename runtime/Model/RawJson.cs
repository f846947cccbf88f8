using System;
using System.Text;
using System.Text.Json;

namespace GlacierTrail;

/// <summary>
/// One JSON value kept exactly as it was read (its UTF-8 bytes), so that fields no schema names,
/// and payloads of events no schema describes, survive a read and a write unchanged.
/// </summary>
public readonly struct RawJson : IEquatable<RawJson>
{
    private static readonly byte[] NullBytes = "null"u8.ToArray();
    private readonly byte[]? _utf8;

    private RawJson(byte[] utf8) => _utf8 = utf8;

    /// <summary>The JSON literal <c>null</c>.</summary>
    public static RawJson Null { get; } = new(NullBytes);

    /// <summary>The value's UTF-8 JSON text.</summary>
    public ReadOnlyMemory<byte> Utf8 => _utf8 ?? NullBytes;

    /// <summary>The kind of the value, from its first byte.</summary>
    public JsonValueKind ValueKind => (_utf8 is null || _utf8.Length == 0 ? (byte)'n' : _utf8[0]) switch
    {
        (byte)'{' => JsonValueKind.Object,
        (byte)'[' => JsonValueKind.Array,
        (byte)'"' => JsonValueKind.String,
        (byte)'t' => JsonValueKind.True,
        (byte)'f' => JsonValueKind.False,
        (byte)'n' => JsonValueKind.Null,
        _ => JsonValueKind.Number,
    };

    /// <summary>Wraps bytes that a reader has already validated as one JSON value.</summary>
    internal static RawJson FromValidated(ReadOnlySpan<byte> utf8) =>
        utf8.Length == 4 && utf8.SequenceEqual(NullBytes) ? Null : new RawJson(utf8.ToArray());

    /// <summary>Parses and validates one JSON value from text.</summary>
    /// <exception cref="JsonException">The text is not exactly one JSON value.</exception>
    public static RawJson Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Parses and validates one JSON value from UTF-8 bytes.</summary>
    /// <exception cref="JsonException">The bytes are not exactly one JSON value.</exception>
    public static RawJson Parse(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        if (!reader.Read())
        {
            throw new JsonException("Expected a JSON value, found nothing.");
        }

        long start = reader.TokenStartIndex;
        reader.Skip();
        long end = reader.BytesConsumed;
        if (reader.Read())
        {
            throw new JsonException($"Expected one JSON value, found more after byte {end}.");
        }

        return FromValidated(utf8[(int)start..(int)end]);
    }

    /// <summary>A <see cref="JsonElement"/> over a copy of the value, for ad-hoc inspection.</summary>
    public JsonElement ToJsonElement()
    {
        using var document = JsonDocument.Parse(Utf8);
        return document.RootElement.Clone();
    }

    /// <summary>
    /// Writes the value unchanged. A compact writer gets it without the whitespace between tokens
    /// (a value kept from pretty-printed input would otherwise carry its line breaks into
    /// <c>ToJson()</c> and NDJSON); every token, strings included, is written byte for byte.
    /// </summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var utf8 = Utf8.Span;
        if (writer.Options.Indented || !HasWhitespaceBetweenTokens(utf8))
        {
            writer.WriteRawValue(utf8, skipInputValidation: true);
            return;
        }

        byte[] compact = System.Buffers.ArrayPool<byte>.Shared.Rent(utf8.Length);
        try
        {
            int length = 0;
            var tokens = default(TokenWhitespace);
            foreach (byte b in utf8)
            {
                if (!tokens.IsBetweenTokens(b))
                {
                    compact[length++] = b;
                }
            }

            writer.WriteRawValue(compact.AsSpan(0, length), skipInputValidation: true);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(compact);
        }
    }

    private static bool HasWhitespaceBetweenTokens(ReadOnlySpan<byte> utf8)
    {
        var tokens = default(TokenWhitespace);
        foreach (byte b in utf8)
        {
            if (tokens.IsBetweenTokens(b))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Follows valid JSON byte by byte, telling whitespace between tokens from bytes inside strings.</summary>
    private struct TokenWhitespace
    {
        private bool _inString;
        private bool _escaped;

        /// <summary>Whether <paramref name="b"/>, the next byte, is whitespace between tokens.</summary>
        public bool IsBetweenTokens(byte b)
        {
            if (_inString)
            {
                _inString = _escaped || b != (byte)'"';
                _escaped = !_escaped && b == (byte)'\\';
                return false;
            }

            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                return true;
            }

            _inString = b == (byte)'"';
            return false;
        }
    }

    /// <summary>The JSON text.</summary>
    public override string ToString() => Encoding.UTF8.GetString(Utf8.Span);

    /// <inheritdoc/>
    public bool Equals(RawJson other) => Utf8.Span.SequenceEqual(other.Utf8.Span);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is RawJson other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(Utf8.Span);
        return hash.ToHashCode();
    }

    /// <summary>Byte-wise equality of the JSON text.</summary>
    public static bool operator ==(RawJson left, RawJson right) => left.Equals(right);

    /// <summary>Byte-wise inequality of the JSON text.</summary>
    public static bool operator !=(RawJson left, RawJson right) => !left.Equals(right);
}
