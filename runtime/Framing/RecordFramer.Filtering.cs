using System;
using System.Collections.Generic;
using System.Text.Json;
using GlacierTrail.Reading;

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
