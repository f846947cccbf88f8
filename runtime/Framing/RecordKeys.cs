using System;

namespace GlacierTrail.Framing;

/// <summary>Where a record's dispatch keys are; a key that is missing or not a string is absent.</summary>
internal struct RecordKeys
{
    public KeyValue Source;
    public KeyValue Name;

    /// <summary>
    /// False when the filter rejects the record. A record without both keys is always read,
    /// so the parser reports what is wrong with it.
    /// </summary>
    public readonly bool Accepts(CloudTrailRecordFilter filter, ReadOnlySpan<byte> record) =>
        !Source.Present || !Name.Present || filter(Source.Utf8(record), Name.Utf8(record));

    /// <summary>Where one key's value is in the record, or its decoded bytes when it was escaped.</summary>
    internal readonly struct KeyValue(int start, int length, byte[]? decoded)
    {
        public bool Present { get; } = true;

        public ReadOnlySpan<byte> Utf8(ReadOnlySpan<byte> record) => decoded ?? record.Slice(start, length);
    }
}
