using System;
using System.Text;
using System.Text.Json;
using GlacierTrail.Serialization;

namespace GlacierTrail;

/// <summary>
/// Finds the end of a record and its top-level <c>eventSource</c> and <c>eventName</c> in one
/// token walk that materialises nothing, so a record filter can reject a record for about the
/// cost of skipping it.
/// </summary>
internal static class RecordKeyScanner
{
    /// <summary>
    /// Walks the object that starts <paramref name="data"/>. False when the data does not hold
    /// all of it yet (the caller asks for more); damage throws <see cref="JsonException"/> as a
    /// skip would.
    /// </summary>
    public static bool TryScan(ReadOnlySpan<byte> data, bool isFinal, int maxDepth, out int length, out RecordKeys keys)
    {
        length = 0;
        keys = default;
        var reader = new Utf8JsonReader(data, isFinal, new JsonReaderState(new JsonReaderOptions { MaxDepth = maxDepth }));
        if (!reader.Read())
        {
            return false;
        }

        while (true)
        {
            if (!reader.Read())
            {
                return false;
            }

            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                break; // the end of the record
            }

            int which = Which(ref reader);
            if (!reader.Read())
            {
                return false;
            }

            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                if (!reader.TrySkip())
                {
                    return false;
                }
            }
            else if (which != 0)
            {
                // The last occurrence counts, as in the parser: a repeated key cannot show a
                // filter one value and the typed read another. One that is not a string is absent.
                var value = reader.TokenType != JsonTokenType.String ? default
                    : reader.ValueIsEscaped ? new KeyValue(0, 0, Encoding.UTF8.GetBytes(JsonStrings.DecodeLossy(ref reader)))
                    : new KeyValue((int)reader.TokenStartIndex + 1, reader.ValueSpan.Length, null);
                if (which == 1)
                {
                    keys.Source = value;
                }
                else
                {
                    keys.Name = value;
                }
            }
        }

        length = (int)reader.BytesConsumed;
        return true;
    }

    private static int Which(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            var name = reader.ValueSpan;
            return name.Length == 11 && name.SequenceEqual("eventSource"u8) ? 1
                : name.Length == 9 && name.SequenceEqual("eventName"u8) ? 2
                : 0;
        }

        return JsonStrings.TextEquals(in reader, "eventSource"u8) ? 1 : JsonStrings.TextEquals(in reader, "eventName"u8) ? 2 : 0;
    }

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
    }

    internal readonly struct KeyValue(int start, int length, byte[]? decoded)
    {
        public bool Present { get; } = true;

        public ReadOnlySpan<byte> Utf8(ReadOnlySpan<byte> record) => decoded ?? record.Slice(start, length);
    }
}
