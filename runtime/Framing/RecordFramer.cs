using System;
using System.Collections.Generic;
using System.Text.Json;
using GlacierTrail.Serialization;
using GlacierTrail.Streams;

namespace GlacierTrail.Framing;

/// <summary>
/// Finds records in a stream's bytes as they arrive, without ever holding more than the record
/// being read: <c>{"Records":[...]}</c> log files are streamed element by element; a top-level
/// array, one bare record, or records one after another (NDJSON) are read value by value.
/// Each complete record is parsed on the spot, while its bytes are still in the buffer.
/// </summary>
/// <remarks>
/// This file is the state machine (where in the input the framer is, and what may come next);
/// its other jobs have a file each: unwrapping the input shapes (<c>RecordFramer.Shapes.cs</c>),
/// filtering (<c>RecordFramer.Filtering.cs</c>) and recovery from damage (<c>RecordFramer.Recovery.cs</c>).
/// </remarks>
internal sealed partial class RecordFramer
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
