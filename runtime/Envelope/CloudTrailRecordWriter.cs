using System;
using System.Text.Json;
using GlacierTrail.Serialization;

namespace GlacierTrail.Envelope;

/// <summary>
/// Writes an event back as a CloudTrail record. Typed values are written unless a verbatim copy
/// of the same member was kept; the verbatim members follow. The result is JSON-equal to the
/// record read (member order aside). The members are written by code generated from the record
/// schema, in its order.
/// </summary>
internal static partial class CloudTrailRecordWriter
{
    public static void Write(CloudTrailEvent evt, Utf8JsonWriter writer)
    {
        ref readonly var f = ref evt.Fields;
        if (f.Verbatim is { } verbatim)
        {
            writer.WriteRawValue(verbatim.Utf8.Span, skipInputValidation: true);
            return;
        }

        var ext = f.ExtensionData;
        writer.WriteStartObject();
        WriteMembers(evt, writer, ext);
        CloudTrailJsonWriter.WriteExtensionData(writer, ext);
        writer.WriteEndObject();
    }

    // A payload is the event type's to write when it describes it; otherwise the verbatim copy,
    // or a null that was read as null.
    private static void WritePayload(CloudTrailEvent evt, Utf8JsonWriter writer, CloudTrailPayload payload, ReadOnlySpan<byte> name)
    {
        if (evt.WritePayload(payload, writer))
        {
            return;
        }

        if (evt.Fields.GetRawPayload(payload) is { } value)
        {
            writer.WritePropertyName(name);
            value.WriteTo(writer);
        }
        else if ((evt.Fields.PresentPayloads & EnvelopeFields.FlagOf(payload)) != 0)
        {
            writer.WriteNull(name);
        }
    }
}
