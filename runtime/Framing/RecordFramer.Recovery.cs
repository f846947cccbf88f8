using System;
using System.Collections.Generic;
using System.Text.Json;
using GlacierTrail.Envelope;
using GlacierTrail.Serialization;

namespace GlacierTrail.Framing;

// Recovery from damage: a value that is not valid JSON, too long or too deep is reported as
// its record's error and passed over, or the framer looks for the next place a record starts,
// so one damaged record never costs the records after it.
internal sealed partial class RecordFramer
{
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
}
