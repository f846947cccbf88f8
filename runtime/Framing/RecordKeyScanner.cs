using System;
using System.Text;
using System.Text.Json;
using GlacierTrail.Envelope;
using GlacierTrail.Serialization;

namespace GlacierTrail.Framing;

/// <summary>
/// Finds the end of a record and its top-level <c>eventSource</c> and <c>eventName</c>, so a
/// record filter can reject a record for much less than the cost of reading it. Two ways do the
/// one job: a skim (<c>RecordKeyScanner.Skim.cs</c>) that classifies bytes 64 at a time and
/// validates nothing, and a token walk that materialises nothing, for whatever the skim will
/// not vouch for; <see cref="TryFind"/> picks between them.
/// </summary>
internal static partial class RecordKeyScanner
{
    /// <summary>
    /// The end and keys of the record that starts <paramref name="data"/>: the skim's answer when
    /// it vouches for one, otherwise the validating walk's. False when the data does not hold all
    /// of the record yet; damage the walk finds throws <see cref="JsonException"/>.
    /// </summary>
    /// <param name="data">The data, from the record's '{' on.</param>
    /// <param name="isFinal">Whether no more data will come.</param>
    /// <param name="maxDepth">The deepest nesting allowed (0: 64).</param>
    /// <param name="suspectPast">
    /// The skim pairs quotes without checking them, so a string left open makes it read on to
    /// the end of the data. A record still open past this many bytes is suspect: the walk then
    /// reports such damage now, rather than after buffering up to the record limit.
    /// </param>
    /// <param name="length">The record's length through its closing '}'.</param>
    /// <param name="keys">Where its dispatch keys are.</param>
    public static bool TryFind(ReadOnlySpan<byte> data, bool isFinal, int maxDepth, long suspectPast, out int length, out RecordKeys keys)
    {
        var skim = Skim(data, maxDepth, out length, out keys);
        if (skim == SkimResult.Complete)
        {
            return true;
        }

        if (skim == SkimResult.NeedMore && !isFinal && data.Length <= suspectPast)
        {
            return false;
        }

        return TryScan(data, isFinal, maxDepth, out length, out keys);
    }

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
                    : reader.ValueIsEscaped ? new RecordKeys.KeyValue(0, 0, Encoding.UTF8.GetBytes(JsonStrings.DecodeLossy(ref reader)))
                    : new RecordKeys.KeyValue((int)reader.TokenStartIndex + 1, reader.ValueSpan.Length, null);
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
            return name.SequenceEqual(EnvelopeFieldNames.EventSourceUtf8) ? 1
                : name.SequenceEqual(EnvelopeFieldNames.EventNameUtf8) ? 2
                : 0;
        }

        return JsonStrings.TextEquals(in reader, EnvelopeFieldNames.EventSourceUtf8) ? 1 : JsonStrings.TextEquals(in reader, EnvelopeFieldNames.EventNameUtf8) ? 2 : 0;
    }
}
