using System;
using System.Collections.Generic;
using System.Text.Json;
using GlacierTrail.Serialization;
using GlacierTrail.Streams;

namespace GlacierTrail.Framing;

// Input shapes: a complete value is a record, or a container that holds records (an
// EventBridge event, LookupEvents output or one of its entries, a CloudWatch Logs payload or
// Lambda event, a log file whose Records member is not its first); each is unwrapped to its records.
internal sealed partial class RecordFramer
{
    /// <summary>
    /// Reads the records a complete value holds: itself, or the record inside an EventBridge
    /// event, a LookupEvents entry or a CloudWatch Logs message; digests are skipped.
    /// </summary>
    private void HandleValue(ReadOnlySpan<byte> value, long offset, List<ReadItem> output, ValueShape? shape, int depth, bool filtered = false)
    {
        if (value[0] != (byte)'{')
        {
            var kind = value[0] switch
            {
                (byte)'[' => JsonTokenType.StartArray,
                (byte)'"' => JsonTokenType.String,
                (byte)'n' => JsonTokenType.Null,
                (byte)'t' or (byte)'f' => JsonTokenType.True,
                _ => JsonTokenType.Number,
            };
            Emit(output, new CloudTrailReadException($"expected a record (a JSON object), found {CloudTrailJsonReader.Describe(kind)}", byteOffset: 0), offset, value);
            _recordIndex++;
            return;
        }

        switch (shape ?? ValueShapes.Classify(value, _options.Format))
        {
            case ValueShape.Record:
                ParseRecord(value, offset, output, filtered);
                break;
            case ValueShape.EventBridge:
                if (ValueShapes.TryGetMember(value, "detail"u8, out int start, out int length))
                {
                    HandleValue(value.Slice(start, length), offset + start, output, ValueShape.Record, depth + 1);
                }
                else
                {
                    Emit(output, new CloudTrailReadException("expected an EventBridge event with the record in 'detail'", byteOffset: 0), offset, value);
                    _recordIndex++;
                }

                break;
            case ValueShape.RecordsWrapper:
                ForEachElement(value, "Records"u8, offset, output, null, depth);
                break;
            case ValueShape.LookupEvents:
                ForEachElement(value, "Events"u8, offset, output, ValueShape.LookupEntry, depth);
                break;
            case ValueShape.LookupEntry:
                LookupEntry(value, offset, output);
                break;
            case ValueShape.CloudWatchPayload:
                CloudWatchPayload(value, offset, output);
                break;
            case ValueShape.CloudWatchLambda:
                CloudWatchLambda(value, offset, output, depth);
                break;
            case ValueShape.Digest:
                _options.OnNotice?.Invoke($"{_source ?? "input"}: a CloudTrail digest file at byte {offset} is not a log; skipped");
                break;
        }
    }

    private void ParseRecord(ReadOnlySpan<byte> record, long offset, List<ReadItem> output, bool filtered = false, string? guessedShape = null)
    {
        // In strict mode an empty object is reported without the parser's exception: a file of
        // millions of them would otherwise spend minutes throwing.
        if (_options.Strict && record.Length == 2 && record[1] == (byte)'}')
        {
            Emit(output, new CloudTrailReadException("the record is an empty object: it has no string 'eventSource'", byteOffset: 0), offset, record);
            _recordIndex++;
            return;
        }

        if (!filtered && _options.EventFilter is { } filter && !Accepts(record, filter))
        {
            _recordIndex++;
            return;
        }

        try
        {
            var evt = CloudTrailRecordParser.Parse(record, _factory, _options);
            if (guessedShape is not null)
            {
                evt.AddProblem(new CloudTrailProblem(string.Empty, CloudTrailProblemKind.UnknownContainerShape, guessedShape));
            }

            evt.RecordIndex = _recordIndex;
            output.Add(new ReadItem(evt, null));
        }
        catch (CloudTrailReadException ex)
        {
            Emit(output, ex, offset, record);
        }

        _recordIndex++;
    }

    private void ForEachElement(ReadOnlySpan<byte> value, ReadOnlySpan<byte> member, long offset, List<ReadItem> output, ValueShape? shape, int depth)
    {
        if (depth > 4 || !ValueShapes.TryGetMember(value, member, out int start, out int length) || value[start] != (byte)'[')
        {
            Emit(output, new CloudTrailReadException($"expected '{System.Text.Encoding.UTF8.GetString(member)}' to be an array of records", byteOffset: 0), offset, value);
            _recordIndex++;
            return;
        }

        var array = value.Slice(start, length);
        var reader = new Utf8JsonReader(array);
        reader.Read();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            int itemStart = (int)reader.TokenStartIndex;
            reader.Skip();
            HandleValue(array[itemStart..(int)reader.BytesConsumed], offset + start + itemStart, output, shape, depth + 1);
        }
    }

    /// <summary>
    /// A LookupEvents entry: the record is its <c>CloudTrailEvent</c>, a string (as the API
    /// returns it) or an object (as tools that decode it write it). An entry without one is taken
    /// to be the record itself, as an AWS documentation example shows, with a problem that says so.
    /// </summary>
    private void LookupEntry(ReadOnlySpan<byte> value, long offset, List<ReadItem> output)
    {
        bool found = ValueShapes.TryGetMember(value, "CloudTrailEvent"u8, out int start, out int length);
        if (found && value[start] == (byte)'{')
        {
            ParseRecord(value.Slice(start, length), offset + start, output);
        }
        else if (found || _options.Strict)
        {
            ParseEmbedded(value, "CloudTrailEvent"u8, "a LookupEvents entry with the record as the string 'CloudTrailEvent'", offset, output);
        }
        else
        {
            ParseRecord(value, offset, output, guessedShape: "a LookupEvents entry without 'CloudTrailEvent', read as the record itself");
        }
    }

    /// <summary>A record held as a JSON string inside another object (LookupEvents, CloudWatch Logs).</summary>
    private void ParseEmbedded(ReadOnlySpan<byte> value, ReadOnlySpan<byte> member, string expected, long offset, List<ReadItem> output)
    {
        if (!ValueShapes.TryGetMember(value, member, out int start, out int length) || value[start] != (byte)'"')
        {
            Emit(output, new CloudTrailReadException($"expected {expected}", byteOffset: 0), offset, value);
            _recordIndex++;
            return;
        }

        var reader = new Utf8JsonReader(value.Slice(start, length));
        reader.Read();
        byte[] record;
        try
        {
            record = System.Text.Encoding.UTF8.GetBytes(JsonStrings.Decode(ref reader, out _));
        }
        catch (CloudTrailReadException ex)
        {
            Emit(output, ex, offset + start, value);
            _recordIndex++;
            return;
        }

        if (record.Length == 0 || !JsonSyntax.IsObject(record))
        {
            Emit(output, new CloudTrailReadException($"the string '{System.Text.Encoding.UTF8.GetString(member)}' does not hold a JSON object", byteOffset: 0), offset + start, value);
            _recordIndex++;
            return;
        }

        // Offsets inside the unescaped string do not map back to the file: errors point at the string.
        int before = output.Count;
        ParseRecord(record, offset + start, output);
        for (int i = before; i < output.Count; i++)
        {
            if (output[i].Error is { } error)
            {
                output[i] = new ReadItem(null, new CloudTrailReadException(error.Detail, error.Source, error.RecordIndex, offset + start, error.InnerException));
            }
        }
    }

    private void CloudWatchPayload(ReadOnlySpan<byte> value, long offset, List<ReadItem> output)
    {
        if (ValueShapes.TryGetMember(value, "messageType"u8, out int typeStart, out int typeLength))
        {
            var type = new Utf8JsonReader(value.Slice(typeStart, typeLength));
            type.Read();
            if (type.TokenType == JsonTokenType.String && JsonStrings.TextEquals(in type, "CONTROL_MESSAGE"u8))
            {
                _options.OnNotice?.Invoke($"{_source ?? "input"}: a CloudWatch Logs CONTROL_MESSAGE at byte {offset} holds no records; skipped");
                return;
            }
        }

        if (!ValueShapes.TryGetMember(value, "logEvents"u8, out int start, out int length) || value[start] != (byte)'[')
        {
            Emit(output, new CloudTrailReadException("expected a CloudWatch Logs payload with a 'logEvents' array", byteOffset: 0), offset, value);
            _recordIndex++;
            return;
        }

        var events = value.Slice(start, length);
        var reader = new Utf8JsonReader(events);
        reader.Read();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            int itemStart = (int)reader.TokenStartIndex;
            reader.Skip();
            var item = events[itemStart..(int)reader.BytesConsumed];
            if (item[0] != (byte)'{')
            {
                Emit(output, new CloudTrailReadException("expected a CloudWatch Logs log event (an object with 'message')", byteOffset: 0), offset + start + itemStart, item);
                _recordIndex++;
                continue;
            }

            ParseEmbedded(item, "message"u8, "a CloudWatch Logs log event whose 'message' is a record", offset + start + itemStart, output);
        }
    }

    private void CloudWatchLambda(ReadOnlySpan<byte> value, long offset, List<ReadItem> output, int depth)
    {
        byte[]? payload = null;
        string? problem = null;
        if (depth > 4)
        {
            problem = "CloudWatch Logs data nested too deep";
        }
        else if (ValueShapes.TryGetMember(value, "awslogs"u8, out int logsStart, out int logsLength)
            && ValueShapes.TryGetMember(value.Slice(logsStart, logsLength), "data"u8, out int dataStart, out int dataLength)
            && value[logsStart + dataStart] == (byte)'"')
        {
            var reader = new Utf8JsonReader(value.Slice(logsStart + dataStart, dataLength));
            reader.Read();
            try
            {
                // The payload is one JSON value, so it can be no larger than a record.
                payload = Decompression.InflateAll(Convert.FromBase64String(JsonStrings.DecodeLossy(ref reader)), Math.Min(_options.MaxInflatedBytes, _options.MaxRecordBytes));
            }
            catch (FormatException ex)
            {
                problem = "'awslogs.data' is not base64: " + ex.Message;
            }
            catch (System.IO.InvalidDataException ex)
            {
                problem = "'awslogs.data' is not valid gzip: " + ex.Message;
            }
        }
        else
        {
            problem = "expected a CloudWatch Logs Lambda event with the string 'awslogs.data'";
        }

        if (payload is null)
        {
            Emit(output, new CloudTrailReadException(problem!, byteOffset: 0), offset, value);
            _recordIndex++;
            return;
        }

        // The payload is one or more concatenated JSON objects: frame it like any source.
        var nested = new RecordFramer(_factory, _options, _source) { _recordIndex = _recordIndex };
        var items = new List<ReadItem>();
        nested.Process(payload, isFinal: true, offset, items);
        foreach (var item in items)
        {
            output.Add(item.Error is { } error
                ? new ReadItem(null, new CloudTrailReadException(error.Detail, error.Source, error.RecordIndex, offset, error.InnerException))
                : item);
        }

        _recordIndex = nested._recordIndex;
    }
}
