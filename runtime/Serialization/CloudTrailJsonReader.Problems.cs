using System;
using System.Collections.Generic;
using System.Text.Json;

namespace GlacierTrail.Serialization;

// What the reader does when a value does not fit: it records a problem and goes on, or, in
// strict mode, fails the record with the error it has always given.
public ref partial struct CloudTrailJsonReader
{
    /// <summary>The form of the timestamp the last kind check read.</summary>
    private enum TimestampForm : byte
    {
        /// <summary>Exactly CloudTrail's <c>yyyy-MM-ddTHH:mm:ssZ</c>.</summary>
        CloudTrail,

        /// <summary>ISO 8601 with a zone, in another shape (fractional seconds, an offset).</summary>
        Iso,

        /// <summary>A form only the lenient parse reads: a space for <c>T</c>, no zone.</summary>
        Other,
    }

    /// <summary>Whether the record must be written back from its own text: something in it (a repeated member, text that is not Unicode) has no place in the typed model.</summary>
    internal bool NeedsVerbatim { readonly get => _needsVerbatim; set => _needsVerbatim = value; }

    /// <summary>The problems met so far, in the order met; null when there are none.</summary>
    internal readonly List<PendingProblem>? Problems => _problems;

    /// <summary>Whether the last timestamp read was not in CloudTrail's own form.</summary>
    internal readonly bool TimestampIsNonCanonical => _checkedForm != TimestampForm.CloudTrail;

    /// <summary>Takes on the problems of a reader that read part of the same record.</summary>
    internal void Absorb(ref CloudTrailJsonReader other)
    {
        NeedsVerbatim |= other.NeedsVerbatim;
        if (other._problems is { } problems)
        {
            (_problems ??= new()).AddRange(problems);
        }
    }

    /// <summary>Whether problems fail the record.</summary>
    internal readonly bool IsStrict => _strict;

    internal void AddProblem(PendingProblem problem) => (_problems ??= new()).Add(problem);

    /// <summary>A problem at the current token, or in strict mode the record's error.</summary>
    internal void Report(CloudTrailProblemKind kind, string message)
    {
        if (_strict)
        {
            throw Error(message);
        }

        Problem(kind, message);
    }

    /// <summary>Keeps a member no schema names whose name was already decoded.</summary>
    internal void KeepUnknown(string name, ref List<RawJsonProperty>? extensionData)
    {
        _reader.Read();
        (extensionData ??= new()).Add(new RawJsonProperty(name, GetRaw()));
    }

    /// <summary>A problem at the current token, with its value as written.</summary>
    internal void Problem(CloudTrailProblemKind kind, string message) =>
        AddProblem(new PendingProblem(kind, Offset, null, message, CaptureCurrent()));

    /// <summary>The error strict mode gives where a required member is missing or null.</summary>
    internal readonly CloudTrailReadException MissingRequiredError(string objectName, string key) =>
        Error($"{objectName}: required property '{key}' is missing, null, or not of its schema type");

    /// <summary>A value of another kind than expected: a problem, or in strict mode the record's error.</summary>
    private void WrongKind(CloudTrailJsonKind expected, string key)
    {
        string found = Describe(_reader.TokenType);
        if (_strict)
        {
            throw Error($"property '{key}': expected {Describe(expected)}, found {found}");
        }

        if (expected == CloudTrailJsonKind.Integer && _reader.TokenType == JsonTokenType.Number)
        {
            Problem(CloudTrailProblemKind.NumberOutOfRange, $"property '{key}': expected an integer, found a number that is fractional or beyond a 64-bit integer");
        }
        else if (expected == CloudTrailJsonKind.DateTime && _reader.TokenType == JsonTokenType.String)
        {
            Problem(CloudTrailProblemKind.UnreadableTimestamp, $"property '{key}': expected a timestamp, found a string no timestamp form reads");
        }
        else
        {
            Problem(CloudTrailProblemKind.WrongType, $"property '{key}': expected {Describe(expected)}, found {found}");
        }
    }

    /// <summary>The current string, with escapes: a lone surrogate becomes U+FFFD and a problem.</summary>
    private string GetEscapedString()
    {
        string value = JsonStrings.Decode(ref _reader, out bool lossy);
        if (lossy)
        {
            if (_strict)
            {
                throw Error("a string holds an escape that is not valid Unicode (a lone surrogate)");
            }

            NeedsVerbatim = true;
            Problem(CloudTrailProblemKind.InvalidUnicode, "a string holds an escape that is not valid Unicode (a lone surrogate); U+FFFD stands in its place");
        }

        return value;
    }

    private readonly bool TextIs(ReadOnlySpan<byte> utf8)
    {
        if (!_reader.ValueIsEscaped && !_reader.HasValueSequence)
        {
            return _reader.ValueSpan.SequenceEqual(utf8);
        }

        return JsonStrings.TextEquals(in _reader, utf8);
    }

    /// <summary>
    /// Reads the current string as a timestamp: CloudTrail's form quickly, other ISO 8601 forms as
    /// System.Text.Json reads them (a time without a zone as UTC, as CloudTrail's times are), and,
    /// outside strict mode, the forms log shippers write (a space for <c>T</c>).
    /// </summary>
    private bool TryGetTimestamp()
    {
        if (!_reader.ValueIsEscaped && !_reader.HasValueSequence && CloudTrailDateTime.TryParseCanonical(_reader.ValueSpan, out _checkedDateTime))
        {
            _checkedForm = TimestampForm.CloudTrail;
            return true;
        }

        if (_reader.ValueIsEscaped || _reader.HasValueSequence)
        {
            // Escapes are decoded here rather than by the reader's timestamp parser, which
            // throws on one that is not valid Unicode.
            string text = GetString();
            var utf8 = System.Text.Encoding.UTF8.GetBytes(text);
            bool read = CloudTrailDateTime.TryParseLenient(text, out _checkedDateTime);
            _checkedForm = CloudTrailDateTime.IsCanonicalShape(utf8) ? TimestampForm.CloudTrail : CloudTrailDateTime.HasZone(utf8) ? TimestampForm.Iso : TimestampForm.Other;
            return read && (!_strict || _checkedForm != TimestampForm.Other);
        }

        if (_reader.TryGetDateTimeOffset(out _checkedDateTime))
        {
            if (CloudTrailDateTime.HasZone(_reader.ValueSpan))
            {
                _checkedForm = TimestampForm.Iso;
                return true;
            }

            _checkedDateTime = new DateTimeOffset(_checkedDateTime.DateTime, TimeSpan.Zero);
            _checkedForm = TimestampForm.Other;
            return !_strict;
        }

        _checkedForm = TimestampForm.Other;
        return !_strict && CloudTrailDateTime.TryParseLenient(GetString(), out _checkedDateTime);
    }

    private readonly RawJson? CaptureCurrent()
    {
        if (_reader.TokenType is JsonTokenType.PropertyName or JsonTokenType.EndObject or JsonTokenType.EndArray)
        {
            return null;
        }

        if (_reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            var copy = _reader;
            long start = copy.TokenStartIndex;
            copy.Skip();
            return RawJson.FromValidated(_source[(int)start..(int)copy.BytesConsumed]);
        }

        return CaptureScalar();
    }
}
