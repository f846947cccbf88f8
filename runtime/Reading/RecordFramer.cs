using System;
using System.Collections.Generic;
using System.Text.Json;

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
                    // The UTF-8 byte order mark, EF BB BF ("\xEF\xBB\xBF"u8 would be six bytes: the
                    // escapes name UTF-16 chars U+00EF U+00BB U+00BF, each encoded as two bytes).
                    if (data.StartsWith("\uFEFF"u8))
                    {
                        pos = 3;
                    }
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

                if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("Records"u8))
                {
                    if (!reader.Read())
                    {
                        return NeedMore(data, isFinal, offset, output);
                    }

                    if (reader.TokenType == JsonTokenType.StartArray)
                    {
                        _state = State.InRecordsArray;
                        return (int)reader.BytesConsumed;
                    }
                }

                return WholeValue(data, isFinal, offset, output, asRecord: true);
            default:
                Fail(output, $"expected a JSON object or array, found '{Printable(data[0])}'", offset);
                _state = State.Done;
                return 0;
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

        return WholeValue(data, isFinal, offset, output, asRecord: true);
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

    /// <summary>Reads one complete value (a record) when the data holds all of it.</summary>
    private int WholeValue(ReadOnlySpan<byte> data, bool isFinal, long offset, List<ReadItem> output, bool asRecord)
    {
        var reader = new Utf8JsonReader(data, isFinal, new JsonReaderState(new JsonReaderOptions { MaxDepth = _options.MaxDepth }));
        if (!reader.Read() || !reader.TrySkip())
        {
            return NeedMore(data, isFinal, offset, output);
        }

        int length = (int)reader.BytesConsumed;
        if (length > _options.MaxRecordBytes)
        {
            Emit(output, new CloudTrailReadException($"the record is {length} bytes, more than MaxRecordBytes ({_options.MaxRecordBytes})"), offset);
        }
        else if (asRecord)
        {
            if (data[0] != (byte)'{')
            {
                Emit(output, new CloudTrailReadException($"expected a record (a JSON object), found {CloudTrailJsonReader.Describe(reader.TokenType == JsonTokenType.EndArray ? JsonTokenType.StartArray : reader.TokenType)}", byteOffset: 0), offset);
            }
            else
            {
                try
                {
                    output.Add(new ReadItem(CloudTrailRecordParser.Parse(data[..length], _factory, _options), null));
                }
                catch (CloudTrailReadException ex)
                {
                    Emit(output, ex, offset);
                    _recordIndex++;
                    return length;
                }
            }
        }

        _recordIndex++;
        return length;
    }

    private int NeedMore(ReadOnlySpan<byte> data, bool isFinal, long offset, List<ReadItem> output)
    {
        if (isFinal)
        {
            Fail(output, "the input ends inside a record (a truncated file?)", offset);
            _state = State.Done;
        }
        else if (data.Length > _options.MaxRecordBytes)
        {
            Fail(output, $"a record is larger than MaxRecordBytes ({_options.MaxRecordBytes}); reading of this source stops", offset);
            _state = State.Done;
        }

        return 0;
    }

    private void Emit(List<ReadItem> output, CloudTrailReadException error, long recordOffset) =>
        output.Add(new ReadItem(null, error.At(_source, _recordIndex, recordOffset)));

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
