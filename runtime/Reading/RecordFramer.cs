using System;
using System.Collections.Generic;
using System.Text.Json;
using GlacierTrail.Envelope;

namespace GlacierTrail;

/// <summary>
/// Finds records in a stream's bytes as they arrive, without ever holding more than the record
/// being read: <c>{"Records":[...]}</c> log files are streamed element by element; a top-level
/// array, one bare record, or records one after another (NDJSON) are read value by value.
/// Each complete record is parsed on the spot, while its bytes are still in the buffer.
/// </summary>
internal sealed class RecordFramer
{
    private readonly ICloudTrailEventFactory _factory;
    private readonly CloudTrailReaderOptions _options;
    private readonly string? _source;
    private State _state;
    private long _recordIndex;
    private bool _atStart = true;
    private ValueShape? _elementShape;
    private int _largestRecord;
    private Mode _mode;
    private StructuralScanner _scanner;

    // After damage the framer either passes over a value it can delimit (Skipping), or looks
    // for the next place a record plausibly starts: the next element of the records array
    // (ResyncRecord) or the next line (ResyncLine, for NDJSON).
    private enum Mode
    {
        Normal,
        Skipping,
        ResyncRecord,
        ResyncLine,
    }

    public RecordFramer(ICloudTrailEventFactory factory, CloudTrailReaderOptions options, string? source)
    {
        _factory = factory;
        _options = options;
        _source = source;
    }

    private enum State
    {
        TopLevel,
        InRecordsArray,
        AfterRecordsArray,
        InTopArray,
        Done,
    }

    /// <summary>Whether the framer has stopped (end of data, or damage it cannot read past).</summary>
    public bool IsDone => _state == State.Done;

    /// <summary>
    /// Reads as many complete records from <paramref name="data"/> as it holds. Returns the bytes
    /// consumed; the caller keeps the rest and calls again with more data after it.
    /// </summary>
    /// <param name="data">The unconsumed bytes.</param>
    /// <param name="isFinal">Whether no more data will come.</param>
    /// <param name="dataOffset">The offset of <paramref name="data"/> in the source, for messages.</param>
    /// <param name="output">Receives events and errors, in order.</param>
    public int Process(ReadOnlySpan<byte> data, bool isFinal, long dataOffset, List<ReadItem> output)
    {
        int pos = 0;
        try
        {
            while (_state != State.Done)
            {
                if (_atStart)
                {
                    if (data.Length < 3 && !isFinal)
                    {
                        return pos;
                    }

                    _atStart = false;
                    if (data.StartsWith(JsonSyntax.Utf8Bom))
                    {
                        pos = JsonSyntax.Utf8Bom.Length;
                    }
                }

                if (_mode != Mode.Normal)
                {
                    int resumed = Resume(data[pos..], isFinal);
                    if (resumed < 0)
                    {
                        // The scanner has taken in every byte; a resync keeps a short tail so a
                        // record start split across two reads is still found.
                        return isFinal || _mode == Mode.Skipping ? data.Length : Math.Max(pos, data.Length - ResyncLookBehind);
                    }

                    pos += resumed;
                    continue;
                }

                pos = SkipWhitespace(data, pos);
                if (pos == data.Length)
                {
                    if (isFinal)
                    {
                        if (_state != State.TopLevel)
                        {
                            Fail(output, "the input ends before the records array is closed (a truncated file?)", dataOffset + pos);
                        }

                        _state = State.Done;
                    }

                    return pos;
                }

                int step = _state switch
                {
                    State.TopLevel => TopLevel(data[pos..], isFinal, dataOffset + pos, output),
                    State.InRecordsArray or State.InTopArray => ArrayElement(data[pos..], isFinal, dataOffset + pos, output),
                    _ => AfterRecords(data[pos..], isFinal, dataOffset + pos, output),
                };
                if (step == 0)
                {
                    return pos; // needs more data
                }

                pos += step;
            }
        }
        catch (JsonException ex)
        {
            var error = JsonErrors.ToReadException(ex, data[pos..], dataOffset + pos);
            output.Add(new ReadItem(null, error.At(_source, _state is State.InRecordsArray or State.InTopArray ? _recordIndex : -1, 0)));
            _state = State.Done;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // Text the framer could not decode (it never should: names are compared without
            // decoding): an error of the reader's own type, never another exception.
            output.Add(new ReadItem(null, new CloudTrailReadException($"unreadable input: {ex.Message}", _source, _state is State.InRecordsArray or State.InTopArray ? _recordIndex : -1, dataOffset + pos, ex)));
            _state = State.Done;
        }

        return pos;
    }

    private int TopLevel(ReadOnlySpan<byte> data, bool isFinal, long offset, List<ReadItem> output)
    {
        switch (data[0])
        {
            case (byte)'[':
                _state = State.InTopArray;
                return 1;
            case (byte)'{':
                var reader = new Utf8JsonReader(data, isFinal, default);
                reader.Read();
                if (!reader.Read())
                {
                    return NeedMore(data, isFinal, offset, output);
                }

                // A log file ({"Records":[...]}) or LookupEvents output ({"Events":[...]}) is
                // streamed element by element, so memory stays bounded by one record.
                bool records = reader.TokenType == JsonTokenType.PropertyName && JsonStrings.TextEquals(in reader, "Records"u8)
                    && _options.Format is CloudTrailInputFormat.Auto or CloudTrailInputFormat.Records;
                bool lookup = reader.TokenType == JsonTokenType.PropertyName && JsonStrings.TextEquals(in reader, "Events"u8)
                    && _options.Format is CloudTrailInputFormat.Auto or CloudTrailInputFormat.LookupEvents;
                if (records || lookup)
                {
                    if (!reader.Read())
                    {
                        return NeedMore(data, isFinal, offset, output);
                    }

                    if (reader.TokenType == JsonTokenType.StartArray)
                    {
                        _state = State.InRecordsArray;
                        _elementShape = lookup ? ValueShape.LookupEntry : null;
                        return (int)reader.BytesConsumed;
                    }
                }

                return WholeValue(data, isFinal, offset, output);
            default:
                Fail(output, $"expected a JSON object or array, found '{Printable(data[0])}'; skipping to the next line", offset);
                _mode = Mode.ResyncLine;
                return 1;
        }
    }

    private int ArrayElement(ReadOnlySpan<byte> data, bool isFinal, long offset, List<ReadItem> output)
    {
        if (data[0] == (byte)',')
        {
            return 1;
        }

        if (data[0] == (byte)']')
        {
            _state = _state == State.InRecordsArray ? State.AfterRecordsArray : State.TopLevel;
            return 1;
        }

        return WholeValue(data, isFinal, offset, output);
    }

    private int AfterRecords(ReadOnlySpan<byte> data, bool isFinal, long offset, List<ReadItem> output)
    {
        if (data[0] == (byte)'}')
        {
            _state = State.TopLevel;
            return 1;
        }

        if (data[0] != (byte)',')
        {
            Fail(output, $"expected ',' or '}}' after the Records array, found '{Printable(data[0])}'", offset);
            _state = State.Done;
            return 0;
        }

        // Another member of the wrapper object (CloudTrail writes none): skip its name and value.
        int pos = SkipWhitespace(data, 1);
        var name = new Utf8JsonReader(data[pos..], isFinal, default);
        if (!name.Read())
        {
            return NeedMore(data, isFinal, offset, output);
        }

        pos = SkipWhitespace(data, pos + (int)name.BytesConsumed);
        if (pos == data.Length)
        {
            return NeedMore(data, isFinal, offset, output);
        }

        if (data[pos] != (byte)':')
        {
            Fail(output, "expected ':' after a member name of the log file object", offset + pos);
            _state = State.Done;
            return 0;
        }

        pos = SkipWhitespace(data, pos + 1);
        var value = new Utf8JsonReader(data[pos..], isFinal, default);
        if (!value.Read() || !value.TrySkip())
        {
            return NeedMore(data, isFinal, offset, output);
        }

        return pos + (int)value.BytesConsumed;
    }

    /// <summary>
    /// Reads one complete value when the data holds all of it. <paramref name="accepted"/>: a
    /// record the filter has accepted (<see cref="FilteredElement"/>), read as without a filter.
    /// </summary>
    private int WholeValue(ReadOnlySpan<byte> data, bool isFinal, long offset, List<ReadItem> output, bool accepted = false)
    {
        if (TryParseInPlace(data, isFinal, output, accepted, out int parsed))
        {
            return parsed;
        }

        if (!accepted && _options.EventFilter is not null && _state == State.InRecordsArray && _elementShape is null && data[0] == (byte)'{')
        {
            return FilteredElement(data, isFinal, offset, output);
        }

        var reader = new Utf8JsonReader(data, isFinal, new JsonReaderState(new JsonReaderOptions { MaxDepth = _options.MaxDepth }));
        long longString = -1;
        try
        {
            // Token by token rather than TrySkip, so that string lengths are seen on the way.
            bool complete = reader.Read();
            while (complete)
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueSpan.Length > _options.MaxStringBytes && longString < 0)
                {
                    longString = reader.TokenStartIndex;
                }

                if (reader.CurrentDepth == 0 && reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray or JsonTokenType.PropertyName))
                {
                    break;
                }

                complete = reader.Read();
            }

            if (!complete)
            {
                // A token still open longer than the string limit can only be an over-long string
                // (or junk): fail the record now rather than buffer it up to MaxRecordBytes.
                if (!isFinal && data.Length - reader.BytesConsumed > (long)_options.MaxStringBytes + 2)
                {
                    return TooLong(data, offset, output, $"a string is longer than MaxStringBytes ({_options.MaxStringBytes}); record skipped", reader.BytesConsumed);
                }

                return NeedMore(data, isFinal, offset, output, valueStartsHere: true);
            }
        }
        catch (JsonException ex)
        {
            return Damaged(data, offset, output, ex);
        }

        int length = (int)reader.BytesConsumed;
        _largestRecord = Math.Max(_largestRecord, length);
        if (length > _options.MaxRecordBytes)
        {
            Emit(output, new CloudTrailReadException($"the value is {length} bytes, more than MaxRecordBytes ({_options.MaxRecordBytes})"), offset, data[..length]);
            _recordIndex++;
        }
        else if (longString >= 0)
        {
            Emit(output, new CloudTrailReadException($"a string is longer than MaxStringBytes ({_options.MaxStringBytes}); record skipped", byteOffset: longString), offset, data[..length]);
            _recordIndex++;
        }
        else
        {
            HandleValue(data[..length], offset, output, _state is State.InRecordsArray ? _elementShape : null, 0, filtered: accepted);
        }

        return length;
    }

    /// <summary>
    /// The fast path for the elements of a log file's Records array: parse the record straight
    /// from the buffer in one pass, instead of finding its end first and then parsing it. Only
    /// tried when the data very likely holds the whole record (the tail of a buffer, where a
    /// record is often cut, takes the careful path); any failure falls back to it.
    /// </summary>
    private bool TryParseInPlace(ReadOnlySpan<byte> data, bool isFinal, List<ReadItem> output, bool accepted, out int length)
    {
        length = 0;
        if (_state != State.InRecordsArray || _elementShape is not null || data[0] != (byte)'{' || (_options.EventFilter is not null && !accepted)
            || (!isFinal && data.Length <= 2 * _largestRecord)
            || !CloudTrailRecordParser.TryParseLeading(data, _factory, _options, out var evt, out length)
            || length > _options.MaxRecordBytes

            // Longer than MaxStringBytes, it may hold a string longer than that, which only the
            // careful path looks for (the parse does not see strings inside values kept verbatim).
            || length > _options.MaxStringBytes)
        {
            return false;
        }

        _largestRecord = Math.Max(_largestRecord, length);
        evt!.RecordIndex = _recordIndex;
        output.Add(new ReadItem(evt, null));
        _recordIndex++;
        return true;
    }

    /// <summary>
    /// An element of a Records array when a record filter is set: one pass finds its end and its
    /// keys; a rejected record is counted and skipped without being parsed.
    /// </summary>
    /// <remarks>
    /// The pass is a skim (<see cref="RecordSkimmer"/>) that delimits without validating, several
    /// times faster than a token walk: a record the filter rejects is not read, so damage inside
    /// it that leaves its strings and brackets paired goes unreported, as it would for any record
    /// skipped unread. An accepted record is read by the same code as without a filter, so damage
    /// the skim passed over is reported, and recovered from, exactly as without one. Whatever the
    /// skim will not vouch for, and a record cut off by the end of the input, takes the
    /// validating walk, so errors are reported exactly as without the skim.
    /// </remarks>
    private int FilteredElement(ReadOnlySpan<byte> data, bool isFinal, long offset, List<ReadItem> output)
    {
        var skim = RecordSkimmer.Skim(data, _options.MaxDepth, out int length, out var keys);

        // The skim pairs quotes without checking them, so a string left open makes it read on to
        // the end of the input. A record still open after more than twice the largest so far is
        // suspect: the validating walk reports such damage now, as without a filter, rather than
        // after buffering up to MaxRecordBytes.
        if (skim == SkimResult.NeedMore && !isFinal && data.Length <= 2L * _largestRecord)
        {
            return NeedMore(data, isFinal, offset, output, valueStartsHere: true);
        }

        if (skim != SkimResult.Complete)
        {
            try
            {
                if (!RecordKeyScanner.TryScan(data, isFinal, _options.MaxDepth, out length, out keys))
                {
                    return NeedMore(data, isFinal, offset, output, valueStartsHere: true);
                }
            }
            catch (JsonException ex)
            {
                return Damaged(data, offset, output, ex);
            }
        }

        if (length <= _options.MaxRecordBytes && keys.Accepts(_options.EventFilter!, data))
        {
            return WholeValue(data, isFinal, offset, output, accepted: true);
        }

        _largestRecord = Math.Max(_largestRecord, length);
        if (length > _options.MaxRecordBytes)
        {
            Emit(output, new CloudTrailReadException($"the value is {length} bytes, more than MaxRecordBytes ({_options.MaxRecordBytes})"), offset, data[..length]);
        }

        _recordIndex++;
        return length;
    }

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

    // A record inside another value (EventBridge, LookupEvents, CloudWatch Logs) is held whole:
    // a scan that cannot finish means damage, which the parser then reports.
    private bool Accepts(ReadOnlySpan<byte> record, CloudTrailRecordFilter filter)
    {
        try
        {
            return !RecordKeyScanner.TryScan(record, true, _options.MaxDepth, out _, out var keys) || keys.Accepts(filter, record);
        }
        catch (JsonException)
        {
            return true;
        }
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

    private int NeedMore(ReadOnlySpan<byte> data, bool isFinal, long offset, List<ReadItem> output, bool valueStartsHere = false)
    {
        if (isFinal)
        {
            Fail(output, "the input ends inside a record (a truncated file?)", offset);
            _state = State.Done;
        }
        else if (data.Length > _options.MaxRecordBytes)
        {
            if (!valueStartsHere)
            {
                Fail(output, $"a value is larger than MaxRecordBytes ({_options.MaxRecordBytes}); reading of this source stops", offset);
                _state = State.Done;
                return 0;
            }

            return TooLong(data, offset, output, $"the record is larger than MaxRecordBytes ({_options.MaxRecordBytes}); skipped", 0);
        }

        return 0;
    }

    /// <summary>Reports the record that starts at <paramref name="data"/> and passes over it without holding it: memory stays bounded by the limit.</summary>
    private int TooLong(ReadOnlySpan<byte> data, long offset, List<ReadItem> output, string detail, long at)
    {
        Emit(output, new CloudTrailReadException(detail, byteOffset: at), offset, data);
        _recordIndex++;
        _scanner = default;
        int end = _scanner.Scan(data);
        if (end > 0)
        {
            return end;
        }

        _mode = Mode.Skipping;
        return data.Length;
    }

    /// <summary>
    /// A value that is not valid JSON (or nests deeper than allowed): report it as this record's
    /// error, then pass over it if its brackets still balance into the next element, or else
    /// look for the next record.
    /// </summary>
    private int Damaged(ReadOnlySpan<byte> data, long offset, List<ReadItem> output, JsonException ex)
    {
        var error = JsonErrors.ToReadException(ex, data, offset);
        var placed = new CloudTrailReadException(error.Detail, _source, _recordIndex, error.ByteOffset, ex);
        output.Add(new ReadItem(null, placed));
        _recordIndex++;
        var scanner = default(StructuralScanner);
        int end = scanner.Scan(data);
        if (end > 0)
        {
            int next = SkipWhitespace(data, end);
            bool inArray = _state is State.InRecordsArray or State.InTopArray;
            if (next < data.Length && (inArray ? data[next] is (byte)',' or (byte)']' : data[next] is (byte)'{' or (byte)'['))
            {
                // Its brackets balance: the damaged record is delimited, and its bytes go with the error.
                placed.SetRawRecord(data[..end], _options.MaxRecordBytes);
                return end;
            }
        }

        _mode = _state == State.TopLevel ? Mode.ResyncLine : Mode.ResyncRecord;
        return 1;
    }

    private const int ResyncLookBehind = 64;

    /// <summary>Continues skipping or resynchronising; the bytes to consume, or -1 when all of the data is passed over.</summary>
    private int Resume(ReadOnlySpan<byte> data, bool isFinal)
    {
        int found;
        switch (_mode)
        {
            case Mode.Skipping:
                found = _scanner.Scan(data);
                break;
            case Mode.ResyncLine:
                found = data.IndexOf((byte)'\n');
                found = found < 0 ? -1 : found + 1;
                if (found >= 0)
                {
                    _state = State.TopLevel;
                }

                break;
            default:
                found = FindRecordStart(data);
                break;
        }

        if (found >= 0)
        {
            _mode = Mode.Normal;
            return found;
        }

        if (isFinal)
        {
            _state = State.Done;
        }

        return -1;
    }

    /// <summary>
    /// The next place a record plausibly starts inside the records array: an object that follows
    /// a ',' or '[' and whose first member is an envelope field (or a LookupEvents entry's).
    /// </summary>
    private int FindRecordStart(ReadOnlySpan<byte> data)
    {
        for (int i = data.IndexOf("{\""u8); i >= 0 && i < data.Length;)
        {
            int before = i - 1;
            while (before >= 0 && data[before] is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')
            {
                before--;
            }

            if (before >= 0 && data[before] is (byte)',' or (byte)'[')
            {
                var rest = data[(i + 2)..];
                int quote = rest.IndexOf((byte)'"');
                if (quote > 0)
                {
                    var name = rest[..quote];
                    if (EnvelopeFieldNames.Identify(name) != EnvelopeField.Unknown || name.SequenceEqual("EventId"u8))
                    {
                        return i;
                    }
                }
            }

            int next = data[(i + 1)..].IndexOf("{\""u8);
            i = next < 0 ? -1 : i + 1 + next;
        }

        return -1;
    }

    private void Emit(List<ReadItem> output, CloudTrailReadException error, long recordOffset) =>
        output.Add(new ReadItem(null, error.At(_source, _recordIndex, recordOffset)));

    /// <summary>Reports a record's error with the record's bytes (up to MaxRecordBytes), so a caller can keep what could not be read.</summary>
    private void Emit(List<ReadItem> output, CloudTrailReadException error, long recordOffset, ReadOnlySpan<byte> record)
    {
        var placed = error.At(_source, _recordIndex, recordOffset);
        placed.SetRawRecord(record, _options.MaxRecordBytes);
        output.Add(new ReadItem(null, placed));
    }

    private void Fail(List<ReadItem> output, string detail, long offset) =>
        output.Add(new ReadItem(null, new CloudTrailReadException(detail, _source, _state is State.InRecordsArray or State.InTopArray ? _recordIndex : -1, offset)));

    private static int SkipWhitespace(ReadOnlySpan<byte> data, int pos)
    {
        while (pos < data.Length && data[pos] is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')
        {
            pos++;
        }

        return pos;
    }

    private static string Printable(byte b) => b is >= 0x20 and < 0x7F ? ((char)b).ToString() : $"0x{b:X2}";
}
