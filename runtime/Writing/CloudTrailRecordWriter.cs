using System.Collections.Generic;
using System.Text.Json;
using GlacierTrail.Serialization;

namespace GlacierTrail;

/// <summary>
/// Writes an event back as a CloudTrail record. Typed values are written unless a verbatim copy
/// of the same member was kept; the verbatim members follow. The result is JSON-equal to the
/// record read (member order aside).
/// </summary>
internal static class CloudTrailRecordWriter
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
        if (f.EventVersion is { } version && !CloudTrailJsonWriter.IsKept(ext, "eventVersion"))
        {
            writer.WriteString("eventVersion"u8, version.Value);
        }

        if (f.UserIdentity is { } identity && !CloudTrailJsonWriter.IsKept(ext, "userIdentity"))
        {
            writer.WritePropertyName("userIdentity"u8);
            identity.WriteTo(writer);
        }

        if (f.EventTime is { } time && !CloudTrailJsonWriter.IsKept(ext, "eventTime"))
        {
            writer.WritePropertyName("eventTime"u8);
            CloudTrailJsonWriter.WriteDateTimeValue(writer, time);
        }

        if ((f.PresentPayloads & PayloadFlags.NoEventSource) == 0)
        {
            writer.WriteString("eventSource"u8, evt.EventSource);
        }

        if ((f.PresentPayloads & PayloadFlags.NoEventName) == 0)
        {
            writer.WriteString("eventName"u8, evt.EventName);
        }

        WriteString(writer, "awsRegion", f.AwsRegion, ext);
        WriteString(writer, "sourceIPAddress", f.SourceIPAddress, ext);
        WriteString(writer, "userAgent", f.UserAgent, ext);
        WriteString(writer, "errorCode", f.ErrorCode, ext);
        WriteString(writer, "errorMessage", f.ErrorMessage, ext);
        WritePayload(evt, writer, CloudTrailPayload.RequestParameters, "requestParameters");
        WritePayload(evt, writer, CloudTrailPayload.ResponseElements, "responseElements");
        WritePayload(evt, writer, CloudTrailPayload.AdditionalEventData, "additionalEventData");
        WriteString(writer, "requestID", f.RequestId, ext);
        WriteString(writer, "eventID", f.EventId, ext);
        WriteString(writer, "eventType", f.EventType?.Value, ext);
        WriteString(writer, "apiVersion", f.ApiVersion, ext);
        WriteBoolean(writer, "readOnly", f.ReadOnly, ext);
        if (f.Resources is { } resources && !CloudTrailJsonWriter.IsKept(ext, "resources"))
        {
            writer.WriteStartArray("resources"u8);
            for (int i = 0; i < resources.Count; i++)
            {
                resources[i].WriteTo(writer);
            }

            writer.WriteEndArray();
        }

        WriteString(writer, "recipientAccountId", f.RecipientAccountId, ext);
        WriteRaw(writer, "serviceEventDetails", f.ServiceEventDetails, ext);
        WriteString(writer, "sharedEventID", f.SharedEventId, ext);
        WriteString(writer, "vpcEndpointId", f.VpcEndpointId, ext);
        WriteString(writer, "vpcEndpointAccountId", f.VpcEndpointAccountId, ext);
        WriteBoolean(writer, "managementEvent", f.ManagementEvent, ext);
        WriteString(writer, "eventCategory", f.EventCategory?.Value, ext);
        if (f.Addendum is { } addendum && !CloudTrailJsonWriter.IsKept(ext, "addendum"))
        {
            writer.WritePropertyName("addendum"u8);
            addendum.WriteTo(writer);
        }

        WriteString(writer, "sessionCredentialFromConsole", f.SessionCredentialFromConsole, ext);
        WriteRaw(writer, "edgeDeviceDetails", f.EdgeDeviceDetails, ext);
        if (f.TlsDetails is { } tls && !CloudTrailJsonWriter.IsKept(ext, "tlsDetails"))
        {
            writer.WritePropertyName("tlsDetails"u8);
            tls.WriteTo(writer);
        }

        WriteRaw(writer, "insightDetails", f.InsightDetails, ext);
        CloudTrailJsonWriter.WriteExtensionData(writer, ext);
        writer.WriteEndObject();
    }

    private static void WritePayload(CloudTrailEvent evt, Utf8JsonWriter writer, CloudTrailPayload payload, string name)
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
        else if ((evt.Fields.PresentPayloads & CloudTrailEvent.FlagOf(payload)) != 0)
        {
            writer.WriteNull(name);
        }
    }

    private static void WriteString(Utf8JsonWriter writer, string name, string? value, IReadOnlyList<RawJsonProperty>? ext)
    {
        if (value is not null && !CloudTrailJsonWriter.IsKept(ext, name))
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteBoolean(Utf8JsonWriter writer, string name, bool? value, IReadOnlyList<RawJsonProperty>? ext)
    {
        if (value is { } flag && !CloudTrailJsonWriter.IsKept(ext, name))
        {
            writer.WriteBoolean(name, flag);
        }
    }

    private static void WriteRaw(Utf8JsonWriter writer, string name, RawJson? value, IReadOnlyList<RawJsonProperty>? ext)
    {
        if (value is { } raw && !CloudTrailJsonWriter.IsKept(ext, name))
        {
            writer.WritePropertyName(name);
            raw.WriteTo(writer);
        }
    }
}
