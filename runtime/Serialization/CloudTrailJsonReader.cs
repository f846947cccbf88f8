using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;
using GlacierTrail.Serialization;

namespace GlacierTrail.Serialization;

/// <summary>
/// A forward-only reader over one JSON value held whole in memory, with the operations the
/// generated parsers need: typed values that report mismatches with their byte offset, and
/// verbatim capture of whatever a schema does not name. Generated code drives it; most users
/// never touch it.
/// </summary>
/// <remarks>This API supports the code the GlacierTrail generator emits and is not meant to be called directly.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public ref partial struct CloudTrailJsonReader
{
    private readonly ReadOnlySpan<byte> _source;
    private readonly long _baseOffset;
    private readonly bool _strict;
    private Utf8JsonReader _reader;

    // The timestamp the last kind check parsed, so reading it does not parse it again, and the
    // form it was written in.
    private DateTimeOffset _checkedDateTime;
    private TimestampForm _checkedForm;

    // What did not fit, met so far (null for a clean record: no allocation), and whether the
    // record must be written back from its own text.
    private List<PendingProblem>? _problems;
    private bool _needsVerbatim;

    /// <summary>Reads <paramref name="utf8Json"/>, which must hold one complete JSON value.</summary>
    public CloudTrailJsonReader(ReadOnlySpan<byte> utf8Json, CloudTrailReaderOptions? options = null)
        : this(utf8Json, 0, options ?? CloudTrailReaderOptions.Default)
    {
    }

    internal CloudTrailJsonReader(ReadOnlySpan<byte> utf8Json, long baseOffset, CloudTrailReaderOptions options)
    {
        _source = utf8Json;
        _baseOffset = baseOffset;
        _strict = options.Strict;
        _reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = options.MaxDepth });
    }

    /// <summary>The current token.</summary>
    public readonly JsonTokenType TokenType => _reader.TokenType;

    /// <summary>The offset of the current token from the start of the record, for messages.</summary>
    public readonly long Offset => _baseOffset + _reader.TokenStartIndex;

    /// <summary>Whether the current token is <c>null</c>.</summary>
    public readonly bool IsNull => _reader.TokenType == JsonTokenType.Null;

    /// <summary>Moves to the next token.</summary>
    public bool Read() => _reader.Read();

    /// <summary>Moves to the first token when nothing has been read yet.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public void EnsureStarted()
    {
        if (_reader.TokenType == JsonTokenType.None && !_reader.Read())
        {
            throw Error("expected a JSON value, found the end of the input");
        }
    }

    /// <summary>Fails unless the current token starts an object.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public void ExpectStartObject(string what)
    {
        EnsureStarted();
        if (_reader.TokenType != JsonTokenType.StartObject)
        {
            throw Error($"{what}: expected a JSON object, found {Describe(_reader.TokenType)}");
        }
    }

    /// <summary>Inside an object: moves to the next property name; false at the object's end.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public bool ReadProperty()
    {
        _reader.Read();
        return _reader.TokenType == JsonTokenType.PropertyName;
    }

    /// <summary>Whether the current property name is <paramref name="utf8Name"/> (escapes are decoded).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public readonly bool PropertyIs(ReadOnlySpan<byte> utf8Name) => TextIs(utf8Name);

    /// <summary>The current property name, or the current string value.</summary>
    public string GetString()
    {
        // Short values repeat across records (regions, accounts, ARNs, names): share one
        // instance. Decoding still goes through the reader, so bad UTF-8 fails as before.
        if (_reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName
            && !_reader.ValueIsEscaped && !_reader.HasValueSequence && _reader.ValueSpan.Length <= StringCache.MaxLength)
        {
            var utf8 = _reader.ValueSpan;
            if (StringCache.TryGet(utf8, out int hash, out string? cached))
            {
                return cached!;
            }

            string value = _reader.GetString()!;
            StringCache.Offer(utf8, hash, value);
            return value;
        }

        return GetEscapedString();
    }

    /// <summary>The current string's UTF-8 bytes when it has no escapes; otherwise an empty span and false.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public readonly bool TryGetRawUtf8(out ReadOnlySpan<byte> utf8)
    {
        if (_reader.ValueIsEscaped || _reader.HasValueSequence)
        {
            utf8 = default;
            return false;
        }

        utf8 = _reader.ValueSpan;
        return true;
    }

    /// <summary>Whether the current string value is <paramref name="utf8"/> (escapes are decoded).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public readonly bool ValueIs(ReadOnlySpan<byte> utf8) => TextIs(utf8);

    /// <summary>The current number as a 64-bit integer (checked by <see cref="ReadValue"/> or <see cref="ItemIs"/>).</summary>
    public readonly long GetInt64() => _reader.GetInt64();

    /// <summary>The current number.</summary>
    public readonly double GetDouble() => _reader.GetDouble();

    /// <summary>The current boolean.</summary>
    public readonly bool GetBoolean() => _reader.GetBoolean();

    /// <summary>
    /// The current timestamp. When writing it back would not give the same text, the text is also
    /// kept verbatim under <paramref name="key"/> so that nothing changes on the way out.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public DateTimeOffset GetDateTime(string key, ref List<RawJsonProperty>? extensionData)
    {
        if (_checkedForm == TimestampForm.Other)
        {
            Problem(CloudTrailProblemKind.NonCanonicalTimestamp, $"property '{key}': a timestamp not in ISO 8601 form with a zone (read as UTC)");
        }

        return GetDateTimeKeepingText(key, ref extensionData);
    }

    /// <summary>The current timestamp; text that would not write back the same is kept under <paramref name="key"/>.</summary>
    internal readonly DateTimeOffset GetDateTimeKeepingText(string key, ref List<RawJsonProperty>? extensionData)
    {
        var value = _checkedDateTime;
        if (!TryGetRawUtf8(out var utf8) || !CloudTrailDateTime.ParsedTextRoundTrips(value, utf8))
        {
            (extensionData ??= new()).Add(new RawJsonProperty(key, CaptureScalar()));
        }

        return value;
    }

    /// <summary>
    /// After a property name: moves to its value and says whether it has the expected kind.
    /// A null is kept verbatim (so it writes back) and returns false. A value of another kind is
    /// kept verbatim too, with a problem (in strict mode it fails the record).
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public bool ReadValue(CloudTrailJsonKind expected, string key, ref List<RawJsonProperty>? extensionData)
    {
        _reader.Read();
        if (Matches(expected))
        {
            return true;
        }

        if (_reader.TokenType != JsonTokenType.Null)
        {
            WrongKind(expected, key);
        }

        (extensionData ??= new()).Add(new RawJsonProperty(key, GetRaw()));
        return false;
    }

    /// <summary>
    /// <see cref="ReadValue"/> for a member the schema calls required: a null is a problem too
    /// (in strict mode it fails the record).
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public bool ReadRequiredValue(CloudTrailJsonKind expected, string objectName, string key, ref List<RawJsonProperty>? extensionData)
    {
        if (ReadValue(expected, key, ref extensionData))
        {
            return true;
        }

        if (_reader.TokenType == JsonTokenType.Null)
        {
            if (_strict)
            {
                throw MissingRequiredError(objectName, key);
            }

            Problem(CloudTrailProblemKind.MissingMember, $"{objectName}: the required member '{key}' is null");
        }

        return false;
    }

    /// <summary>
    /// After a property name: reads any value verbatim. A null is kept in
    /// <paramref name="extensionData"/> (so it writes back) and returns null.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public RawJson? ReadRawValue(string key, ref List<RawJsonProperty>? extensionData)
    {
        _reader.Read();
        if (_reader.TokenType == JsonTokenType.Null)
        {
            (extensionData ??= new()).Add(new RawJsonProperty(key, RawJson.Null));
            return null;
        }

        return GetRaw();
    }

    /// <summary>A timestamp inside a collection; flags when it would not write back as read.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public DateTimeOffset GetDateTimeItem(ref bool verbatim)
    {
        var value = _checkedDateTime;
        if (_checkedForm == TimestampForm.Other)
        {
            Problem(CloudTrailProblemKind.NonCanonicalTimestamp, "a timestamp not in ISO 8601 form with a zone (read as UTC)");
        }

        if (!TryGetRawUtf8(out var utf8) || !CloudTrailDateTime.ParsedTextRoundTrips(value, utf8))
        {
            verbatim = true;
        }

        return value;
    }

    /// <summary>Remembers where the current value starts, for <see cref="KeepSince"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public readonly int Mark() => (int)_reader.TokenStartIndex;

    /// <summary>Keeps the value from <paramref name="mark"/> to the current token verbatim under <paramref name="key"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public readonly void KeepSince(int mark, string key, ref List<RawJsonProperty>? extensionData) =>
        (extensionData ??= new()).Add(new RawJsonProperty(key, RawJson.FromValidated(_source[mark..(int)_reader.BytesConsumed])));

    /// <summary>Inside an array: moves to the next item; false at the array's end.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public bool ReadItem()
    {
        _reader.Read();
        return _reader.TokenType != JsonTokenType.EndArray;
    }

    /// <summary>
    /// Whether the current array item or map value has the expected kind. One of another kind
    /// is a problem (in strict mode it fails the record) and is passed over, so the caller skips
    /// it and keeps the collection verbatim.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public bool ItemIs(CloudTrailJsonKind expected, string key)
    {
        if (Matches(expected))
        {
            return true;
        }

        WrongKind(expected, key);
        _reader.Skip();
        return false;
    }

    /// <summary>After a property name: keeps the property verbatim (a member no schema names).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public void KeepUnknown(ref List<RawJsonProperty>? extensionData)
    {
        string name = GetString();
        _reader.Read();
        (extensionData ??= new()).Add(new RawJsonProperty(name, GetRaw()));
    }

    /// <summary>The current value, verbatim; for containers the reader moves to their end.</summary>
    public RawJson GetRaw()
    {
        long start = _reader.TokenStartIndex;
        if (_reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            _reader.Skip();
        }

        return RawJson.FromValidated(_source[(int)start..(int)_reader.BytesConsumed]);
    }

    /// <summary>Skips the current value (for containers, moves to their end).</summary>
    public void Skip() => _reader.Skip();

    /// <summary>
    /// At the end of an object: a member the schema calls required never appeared. A problem
    /// (in strict mode it fails the record).
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public void MissingMember(string objectName, string key)
    {
        if (_strict)
        {
            throw MissingRequiredError(objectName, key);
        }

        AddProblem(new PendingProblem(CloudTrailProblemKind.MissingMember, Offset, key, $"{objectName}: the required member '{key}' is missing", null));
    }

    /// <summary>
    /// At a member's name: the member appeared before in this object. The typed property takes
    /// this, the last, occurrence; the record is written back as read, every occurrence in place.
    /// A problem (in strict mode it fails the record).
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public void Repeated(string objectName, string key)
    {
        if (_strict)
        {
            throw Duplicate(objectName, key);
        }

        NeedsVerbatim = true;
        AddProblem(new PendingProblem(CloudTrailProblemKind.RepeatedMember, Offset, null, $"{objectName}: the member '{key}' appears more than once; the last occurrence is read", null));
    }

    /// <summary>
    /// At a payload's value: whether it is an object, as a typed payload must be. Anything else
    /// is a problem (in strict mode it fails the record), and the caller keeps it verbatim.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public bool PayloadIsObject(string payloadName)
    {
        if (_reader.TokenType == JsonTokenType.StartObject)
        {
            return true;
        }

        if (_strict)
        {
            throw Error($"{payloadName}: expected a JSON object, found {Describe(_reader.TokenType)}");
        }

        Problem(CloudTrailProblemKind.WrongType, $"{payloadName}: expected an object, found {Describe(_reader.TokenType)}");
        return false;
    }

    /// <summary>Where the current token starts in the input.</summary>
    internal readonly int TokenStart => (int)_reader.TokenStartIndex;

    /// <summary>How many bytes of the input have been read.</summary>
    internal readonly int BytesConsumed => (int)_reader.BytesConsumed;

    /// <summary>The current property name's or string's bytes, or false when escapes must be decoded.</summary>
    internal readonly bool TryGetStringRange(out int start, out int length)
    {
        if (_reader.ValueIsEscaped)
        {
            start = 0;
            length = 0;
            return false;
        }

        start = (int)_reader.TokenStartIndex + 1;
        length = _reader.ValueSpan.Length;
        return true;
    }

    /// <summary>The error for a member that appears twice in one object (strict mode).</summary>
    internal readonly CloudTrailReadException Duplicate(string objectName, string key) =>
        Error($"{objectName}: the member '{key}' appears more than once; a record with repeated members is ambiguous and is not read");

    /// <summary>An error at the current token.</summary>
    public readonly CloudTrailReadException Error(string detail) => new(detail, byteOffset: Offset);

    private readonly RawJson CaptureScalar() =>
        RawJson.FromValidated(_source[(int)_reader.TokenStartIndex..(int)_reader.BytesConsumed]);

    private bool Matches(CloudTrailJsonKind expected) => expected switch
    {
        CloudTrailJsonKind.String => _reader.TokenType == JsonTokenType.String,
        CloudTrailJsonKind.DateTime => _reader.TokenType == JsonTokenType.String && TryGetTimestamp(),
        CloudTrailJsonKind.Integer => _reader.TokenType == JsonTokenType.Number && _reader.TryGetInt64(out _),
        CloudTrailJsonKind.Number => _reader.TokenType == JsonTokenType.Number && _reader.TryGetDouble(out _),
        CloudTrailJsonKind.Boolean => _reader.TokenType is JsonTokenType.True or JsonTokenType.False,
        CloudTrailJsonKind.Object => _reader.TokenType == JsonTokenType.StartObject,
        CloudTrailJsonKind.Array => _reader.TokenType == JsonTokenType.StartArray,
        _ => false,
    };

    internal static string Describe(CloudTrailJsonKind kind) => kind switch
    {
        CloudTrailJsonKind.String => "a string",
        CloudTrailJsonKind.DateTime => "an ISO 8601 timestamp string",
        CloudTrailJsonKind.Integer => "an integer",
        CloudTrailJsonKind.Number => "a number",
        CloudTrailJsonKind.Boolean => "true or false",
        CloudTrailJsonKind.Object => "an object",
        _ => "an array",
    };

    internal static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        JsonTokenType.None => "nothing",
        _ => token.ToString(),
    };
}
