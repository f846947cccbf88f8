using System;
using System.Text;

namespace GlacierTrail;

/// <summary>
/// A log, or one record in it, could not be read. Says where (source, record index, byte offset)
/// and what was expected there.
/// </summary>
public class CloudTrailReadException : Exception
{
    /// <summary>Creates an error with a detail message and an optional location.</summary>
    public CloudTrailReadException(string detail, string? source = null, long recordIndex = -1, long byteOffset = -1, Exception? innerException = null)
        : base(Compose(detail, source, recordIndex, byteOffset), innerException)
    {
        Detail = detail;
        Source = source;
        RecordIndex = recordIndex;
        ByteOffset = byteOffset;
    }

    /// <summary>What was wrong, without the location.</summary>
    public string Detail { get; }

    /// <summary>The file (or stream name) being read, when known.</summary>
    public new string? Source { get; }

    /// <summary>The 0-based index of the record in its source, or -1 when the damage is outside any record.</summary>
    public long RecordIndex { get; }

    /// <summary>
    /// The 0-based byte offset of the damage in the (decompressed) content of the source,
    /// or -1 when unknown.
    /// </summary>
    public long ByteOffset { get; }

    /// <summary>
    /// The bytes of the record that could not be read, when the reader could delimit it (empty
    /// otherwise), up to <see cref="CloudTrailReaderOptions.MaxRecordBytes"/>: a pipeline can keep
    /// them in a dead-letter store, so nothing is lost silently.
    /// </summary>
    public ReadOnlyMemory<byte> RawRecord { get; private set; }

    /// <summary>Whether <see cref="RawRecord"/> was cut at the limit.</summary>
    public bool RawRecordTruncated { get; private set; }

    /// <summary>The same error placed at a record of a source: offsets add, missing fields fill.</summary>
    public virtual CloudTrailReadException At(string? source, long recordIndex, long recordOffset) =>
        new(Detail, Source ?? source, RecordIndex >= 0 ? RecordIndex : recordIndex, ByteOffset >= 0 ? recordOffset + ByteOffset : recordOffset, this.InnerException ?? this)
        {
            RawRecord = RawRecord,
            RawRecordTruncated = RawRecordTruncated,
        };

    /// <summary>Keeps a copy of the record's bytes, cut at <paramref name="limit"/>.</summary>
    internal void SetRawRecord(ReadOnlySpan<byte> record, int limit)
    {
        RawRecordTruncated = record.Length > limit;
        RawRecord = record[..Math.Min(record.Length, limit)].ToArray();
    }

    private static string Compose(string detail, string? source, long recordIndex, long byteOffset)
    {
        var text = new StringBuilder();
        if (source is not null)
        {
            text.Append(source).Append(": ");
        }

        if (recordIndex >= 0)
        {
            text.Append("record ").Append(recordIndex);
        }

        if (byteOffset >= 0)
        {
            text.Append(recordIndex >= 0 ? " at byte " : "at byte ").Append(byteOffset);
        }

        if (recordIndex >= 0 || byteOffset >= 0)
        {
            text.Append(": ");
        }

        return text.Append(detail).ToString();
    }
}
