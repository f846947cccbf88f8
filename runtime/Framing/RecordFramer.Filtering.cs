using System;
using System.Collections.Generic;
using System.Text.Json;

namespace GlacierTrail.Framing;

// Filtering: with a record filter set, each record's dispatch keys are found before it is
// parsed, and a rejected record is counted and passed over unparsed.
internal sealed partial class RecordFramer
{
    /// <summary>
    /// An element of a Records array when a record filter is set: one pass finds its end and its
    /// keys; a rejected record is counted and skipped without being parsed.
    /// </summary>
    /// <remarks>
    /// The pass is a skim (<see cref="RecordKeyScanner.TryFind"/>) that delimits without validating, several
    /// times faster than a token walk: a record the filter rejects is not read, so damage inside
    /// it that leaves its strings and brackets paired goes unreported, as it would for any record
    /// skipped unread. An accepted record is read by the same code as without a filter, so damage
    /// the skim passed over is reported, and recovered from, exactly as without one. Whatever the
    /// skim will not vouch for, and a record cut off by the end of the input, takes the
    /// validating walk, so errors are reported exactly as without the skim.
    /// </remarks>
    private int FilteredElement(ReadOnlySpan<byte> data, bool isFinal, long offset, List<ReadItem> output)
    {
        int length;
        RecordKeys keys;
        try
        {
            // Past twice the largest record so far, a record the skim finds still open is suspect.
            if (!RecordKeyScanner.TryFind(data, isFinal, _options.MaxDepth, 2L * _largestRecord, out length, out keys))
            {
                return NeedMore(data, isFinal, offset, output, valueStartsHere: true);
            }
        }
        catch (JsonException ex)
        {
            return Damaged(data, offset, output, ex);
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
}
