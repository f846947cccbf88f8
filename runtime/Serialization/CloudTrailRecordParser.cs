using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text;
using System.Text.Json;
using GlacierTrail.Envelope;
using GlacierTrail.Serialization;

namespace GlacierTrail.Serialization;

/// <summary>
/// Reads one record in a single pass. Envelope members are read as they come; the payloads
/// (<c>requestParameters</c>, ...) are only located, because their type depends on
/// <c>eventName</c>, which may come after them. Once the whole record is seen, the factory picks
/// the event type and the event reads its payloads from the located bytes.
/// </summary>
/// <remarks>
/// Every JSON object is delivered: what does not fit (a missing <c>eventTime</c>, a member of
/// another type, a repeated member) becomes a problem on the event, unless the options are strict.
/// This API supports the code the GlacierTrail generator emits and is not meant to be called
/// directly: the generated <c>GlacierTrailEvents.ParseRecord</c> is the public way to parse a record.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class CloudTrailRecordParser
{
    /// <summary>Parses one record (a JSON object) into a typed event, or an <see cref="UnknownCloudTrailEvent"/>.</summary>
    /// <exception cref="CloudTrailReadException">The record is not valid JSON or not a JSON object, or (in strict mode) it has a problem.</exception>
    public static CloudTrailEvent Parse(ReadOnlySpan<byte> utf8Json, ICloudTrailEventFactory factory, CloudTrailReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        options ??= CloudTrailReaderOptions.Default;
        try
        {
            return ParseCore(utf8Json, factory, options, requireEnvelopeFirst: false, out _)!;
        }
        catch (JsonException ex)
        {
            throw JsonErrors.ToReadException(ex, utf8Json);
        }
        catch (InvalidOperationException ex)
        {
            // Utf8JsonReader reports some malformed input (e.g. a number too large for its type
            // after a successful kind check) this way; it is still bad data, not a bug.
            int invalid = JsonErrors.FirstInvalidUtf8(utf8Json);
            throw invalid >= 0
                ? new CloudTrailReadException("invalid UTF-8: a byte sequence that is not UTF-8", byteOffset: invalid, innerException: ex)
                : new CloudTrailReadException($"malformed value: {ex.Message}", innerException: ex);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
        {
            throw new CloudTrailReadException($"malformed value: {ex.Message}", innerException: ex);
        }
    }

    /// <summary>
    /// Parses the record that starts <paramref name="data"/>, which may hold more after it, in
    /// one pass and without first finding its end. Any failure (the record is incomplete in
    /// <paramref name="data"/>, damaged, or its first member is not an envelope field) returns
    /// false, so the caller takes its careful path, which reports exactly as before.
    /// </summary>
    internal static bool TryParseLeading(ReadOnlySpan<byte> data, ICloudTrailEventFactory factory, CloudTrailReaderOptions options, out CloudTrailEvent? evt, out int length)
    {
        try
        {
            evt = ParseCore(data, factory, options, requireEnvelopeFirst: true, out length);
            return evt is not null;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or CloudTrailReadException or ArgumentException or FormatException or OverflowException)
        {
            evt = null;
            length = 0;
            return false;
        }
    }

    private static CloudTrailEvent? ParseCore(ReadOnlySpan<byte> record, ICloudTrailEventFactory factory, CloudTrailReaderOptions options, bool requireEnvelopeFirst, out int length)
    {
        var evt = ParseOnce(record, factory, options, requireEnvelopeFirst, deferPayloads: false, out length, out bool restart);

        // A dispatch key or payload repeated after the event was made: read again, locating every
        // payload, so the type and the payloads come from the last occurrences.
        return restart ? ParseOnce(record, factory, options, requireEnvelopeFirst, deferPayloads: true, out length, out _) : evt;
    }

    private static CloudTrailEvent? ParseOnce(
        ReadOnlySpan<byte> record, ICloudTrailEventFactory factory, CloudTrailReaderOptions options, bool requireEnvelopeFirst, bool deferPayloads, out int length, out bool restart)
    {
        length = 0;
        restart = false;
        var reader = new CloudTrailJsonReader(record, 0, options);
        reader.ExpectStartObject("record");

        var fields = new EnvelopeFields();
        List<RawJsonProperty>? extensionData = null;
        // Payloads met before eventSource and eventName, by CloudTrailPayload value.
        Span<PayloadLocation> located = stackalloc PayloadLocation[3];
        NameValue eventSource = default, eventName = default;
        bool eventTimeNull = false;
        ulong seen = 0;

        // Created as soon as eventSource and eventName are known (CloudTrail writes them before
        // the payloads), so the payloads can be read where they stand instead of being located
        // and read again afterwards. The envelope is filled here and handed over at the end.
        CloudTrailEvent? evt = null;

        while (reader.ReadProperty())
        {
            EnvelopeField field;
            string? escapedName = null;
            if (reader.TryGetStringRange(out int nameStart, out int nameLength))
            {
                field = EnvelopeFieldNames.Identify(record.Slice(nameStart, nameLength));
            }
            else
            {
                escapedName = reader.GetString();
                field = EnvelopeFieldNames.Identify(Encoding.UTF8.GetBytes(escapedName));
            }

            if (requireEnvelopeFirst)
            {
                // As ValueShapes.Classify: only an object that opens with an envelope field is
                // known to be a record before all of it is seen.
                if (field == EnvelopeField.Unknown)
                {
                    return null;
                }

                requireEnvelopeFirst = false;
            }

            if (field != EnvelopeField.Unknown)
            {
                // Parsers that disagree on a repeated member can show one action to one tool and
                // another to the next: the last occurrence counts, as in System.Text.Json,
                // Python and JavaScript, and the repetition is a problem on the event.
                ulong bit = 1UL << (int)field;
                if ((seen & bit) != 0)
                {
                    reader.Repeated("record", escapedName ?? Encoding.UTF8.GetString(record.Slice(nameStart, nameLength)));
                    if (evt is not null && field is EnvelopeField.EventSource or EnvelopeField.EventName
                        or EnvelopeField.RequestParameters or EnvelopeField.ResponseElements or EnvelopeField.AdditionalEventData)
                    {
                        restart = true;
                        return null;
                    }
                }

                seen |= bit;
            }

            switch (field)
            {
                case EnvelopeField.EventSource:
                    eventSource = ReadName(ref reader, record, EnvelopeFieldNames.EventSource, ref extensionData);
                    break;
                case EnvelopeField.EventName:
                    eventName = ReadName(ref reader, record, EnvelopeFieldNames.EventName, ref extensionData);
                    break;
                case EnvelopeField.RequestParameters:
                case EnvelopeField.ResponseElements:
                case EnvelopeField.AdditionalEventData:
                    var payload = field switch
                    {
                        EnvelopeField.RequestParameters => CloudTrailPayload.RequestParameters,
                        EnvelopeField.ResponseElements => CloudTrailPayload.ResponseElements,
                        _ => CloudTrailPayload.AdditionalEventData,
                    };
                    if (evt is null && !deferPayloads && !eventSource.IsMissing && !eventName.IsMissing)
                    {
                        evt = CreateEvent(factory, record, eventSource, eventName);
                    }

                    if (evt is not null)
                    {
                        ReadPayload(evt, payload, ref reader, ref fields);
                    }
                    else
                    {
                        located[(int)payload] = Locate(ref reader);
                    }

                    break;
                case EnvelopeField.EventTime:
                    fields.EventTime = null;
                    eventTimeNull = false;
                    if (reader.ReadValue(CloudTrailJsonKind.DateTime, EnvelopeFieldNames.EventTime, ref extensionData))
                    {
                        fields.EventTime = reader.GetDateTimeKeepingText(EnvelopeFieldNames.EventTime, ref extensionData);
                        if (reader.TimestampIsNonCanonical)
                        {
                            reader.Report(CloudTrailProblemKind.NonCanonicalTimestamp, "property 'eventTime': a timestamp not in CloudTrail's form (yyyy-MM-ddTHH:mm:ssZ)");
                        }
                    }
                    else
                    {
                        eventTimeNull = reader.IsNull;
                    }

                    break;
                case EnvelopeField.Unknown:
                    if (escapedName is null)
                    {
                        reader.KeepUnknown(ref extensionData);
                    }
                    else
                    {
                        reader.KeepUnknown(escapedName, ref extensionData);
                    }

                    break;
                default:
                    EnvelopeReader.ReadField(ref reader, field, ref fields, ref extensionData);
                    break;
            }
        }

        if (eventSource.IsMissing)
        {
            MissingDispatchKey(ref reader, ref fields, EnvelopeFieldNames.EventSource, PayloadFlags.NoEventSource, seen, EnvelopeField.EventSource);
        }

        if (eventName.IsMissing)
        {
            MissingDispatchKey(ref reader, ref fields, EnvelopeFieldNames.EventName, PayloadFlags.NoEventName, seen, EnvelopeField.EventName);
        }

        if (fields.EventTime is null)
        {
            if (options.Strict)
            {
                throw new CloudTrailReadException("the record has no 'eventTime' timestamp", byteOffset: 0);
            }

            // A value of another type already has its problem.
            if ((seen & (1UL << (int)EnvelopeField.EventTime)) == 0)
            {
                reader.MissingMember("record", EnvelopeFieldNames.EventTime);
            }
            else if (eventTimeNull)
            {
                reader.AddProblem(new PendingProblem(CloudTrailProblemKind.MissingMember, reader.Offset, EnvelopeFieldNames.EventTime, $"the record's '{EnvelopeFieldNames.EventTime}' is null", RawJson.Null));
            }
        }

        evt ??= CreateEvent(factory, record, eventSource, eventName);
        fields.ExtensionData = extensionData;
        for (int i = 0; i < located.Length; i++)
        {
            ReadLocatedPayload(evt, (CloudTrailPayload)i, located[i], record, options, ref fields, ref reader);
        }

        length = reader.BytesConsumed;
        if (reader.Problems is { } problems)
        {
            fields.Problems = ProblemPaths.Resolve(record[..length], problems, options.MaxDepth);
        }

        if (reader.NeedsVerbatim)
        {
            fields.Verbatim = RawJson.FromValidated(record[..length]);
        }

        evt.Fields = fields;
        return evt;
    }

    /// <summary>A record without a string <c>eventSource</c> or <c>eventName</c>: an unknown event with a problem (strict: an error).</summary>
    private static void MissingDispatchKey(ref CloudTrailJsonReader reader, ref EnvelopeFields fields, string key, PayloadFlags flag, ulong seen, EnvelopeField field)
    {
        if (reader.IsStrict)
        {
            throw new CloudTrailReadException($"the record has no string '{key}'", byteOffset: 0);
        }

        fields.PresentPayloads |= flag;
        if ((seen & (1UL << (int)field)) == 0)
        {
            reader.MissingMember("record", key);
        }
    }

    private static NameValue ReadName(ref CloudTrailJsonReader reader, ReadOnlySpan<byte> record, string key, ref List<RawJsonProperty>? extensionData)
    {
        // The dispatch key must be a string; anything else cannot name an event type: the
        // record is read as an unknown event, with the value kept and a problem.
        if (!reader.ReadValue(CloudTrailJsonKind.String, key, ref extensionData))
        {
            if (reader.IsNull)
            {
                reader.Report(CloudTrailProblemKind.MissingMember, $"property '{key}': expected a string, found null");
            }

            return default;
        }

        return reader.TryGetStringRange(out int start, out int length)
            ? new NameValue(start, length, null)
            : new NameValue(0, 0, Encoding.UTF8.GetBytes(reader.GetString()));
    }

    private static PayloadLocation Locate(ref CloudTrailJsonReader reader)
    {
        reader.Read();
        if (reader.IsNull)
        {
            return new PayloadLocation(true, 0, 0);
        }

        int start = reader.TokenStart;
        reader.Skip();
        return new PayloadLocation(true, start, reader.BytesConsumed - start);
    }

    private static CloudTrailEvent CreateEvent(ICloudTrailEventFactory factory, ReadOnlySpan<byte> record, NameValue eventSource, NameValue eventName)
    {
        if (eventSource.IsMissing || eventName.IsMissing)
        {
            return new UnknownCloudTrailEvent(
                eventSource.IsMissing ? string.Empty : Encoding.UTF8.GetString(eventSource.Utf8(record)),
                eventName.IsMissing ? string.Empty : Encoding.UTF8.GetString(eventName.Utf8(record)));
        }

        var sourceUtf8 = eventSource.Utf8(record);
        var nameUtf8 = eventName.Utf8(record);
        return factory.Create(sourceUtf8, nameUtf8)
            ?? new UnknownCloudTrailEvent(Encoding.UTF8.GetString(sourceUtf8), Encoding.UTF8.GetString(nameUtf8));
    }

    /// <summary>Reads a payload whose value is the reader's next token.</summary>
    private static void ReadPayload(CloudTrailEvent evt, CloudTrailPayload payload, ref CloudTrailJsonReader reader, ref EnvelopeFields fields)
    {
        reader.Read();
        fields.PresentPayloads |= CloudTrailEvent.FlagOf(payload);
        if (reader.IsNull)
        {
            return;
        }

        if (!evt.ReadPayload(payload, ref reader))
        {
            fields.SetRawPayload(payload, reader.GetRaw());
        }
    }

    /// <summary>Reads a payload located before the event type was known, from its bytes.</summary>
    private static void ReadLocatedPayload(
        CloudTrailEvent evt, CloudTrailPayload payload, PayloadLocation location, ReadOnlySpan<byte> record, CloudTrailReaderOptions options, ref EnvelopeFields fields, ref CloudTrailJsonReader recordReader)
    {
        if (!location.Present)
        {
            return;
        }

        if (location.Length == 0)
        {
            fields.PresentPayloads |= CloudTrailEvent.FlagOf(payload); // a null payload
            return;
        }

        var reader = new CloudTrailJsonReader(record.Slice(location.Start, location.Length), location.Start, options);
        ReadPayload(evt, payload, ref reader, ref fields);
        recordReader.Absorb(ref reader);
    }

    private readonly record struct PayloadLocation(bool Present, int Start, int Length);

    private readonly struct NameValue
    {
        private readonly int _start;
        private readonly int _length;
        private readonly byte[]? _decoded;
        private readonly bool _present;

        public NameValue(int start, int length, byte[]? decoded)
        {
            _start = start;
            _length = length;
            _decoded = decoded;
            _present = true;
        }

        public bool IsMissing => !_present;

        public ReadOnlySpan<byte> Utf8(ReadOnlySpan<byte> record) => _decoded ?? record.Slice(_start, _length);
    }
}
