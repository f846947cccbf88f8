using System.Collections.Generic;
using GlacierTrail.Serialization;

namespace GlacierTrail;

/// <summary>Reads the envelope members whose value does not decide the event type.</summary>
internal static class EnvelopeReader
{
    public static void ReadField(ref CloudTrailJsonReader reader, EnvelopeField field, ref EnvelopeFields fields, ref List<RawJsonProperty>? ext)
    {
        switch (field)
        {
            case EnvelopeField.EventVersion:
                if (reader.ReadValue(CloudTrailJsonKind.String, "eventVersion", ref ext))
                {
                    fields.EventVersion = new CloudTrailEventVersion(StringCache.EventVersion(ref reader));
                }

                break;
            case EnvelopeField.UserIdentity:
                if (reader.ReadValue(CloudTrailJsonKind.Object, "userIdentity", ref ext))
                {
                    fields.UserIdentity = UserIdentity.Read(ref reader);
                }

                break;
            case EnvelopeField.AwsRegion:
                fields.AwsRegion = ReadString(ref reader, "awsRegion", ref ext);
                break;
            case EnvelopeField.SourceIPAddress:
                fields.SourceIPAddress = ReadString(ref reader, "sourceIPAddress", ref ext);
                break;
            case EnvelopeField.UserAgent:
                fields.UserAgent = ReadString(ref reader, "userAgent", ref ext);
                break;
            case EnvelopeField.ErrorCode:
                fields.ErrorCode = ReadString(ref reader, "errorCode", ref ext);
                break;
            case EnvelopeField.ErrorMessage:
                fields.ErrorMessage = ReadString(ref reader, "errorMessage", ref ext);
                break;
            case EnvelopeField.RequestId:
                fields.RequestId = ReadString(ref reader, "requestID", ref ext);
                break;
            case EnvelopeField.EventId:
                fields.EventId = ReadString(ref reader, "eventID", ref ext);
                break;
            case EnvelopeField.EventType:
                if (reader.ReadValue(CloudTrailJsonKind.String, "eventType", ref ext))
                {
                    fields.EventType = CloudTrailEventType.Read(ref reader);
                }

                break;
            case EnvelopeField.ApiVersion:
                fields.ApiVersion = ReadString(ref reader, "apiVersion", ref ext);
                break;
            case EnvelopeField.ManagementEvent:
                fields.ManagementEvent = ReadBoolean(ref reader, "managementEvent", ref ext);
                break;
            case EnvelopeField.ReadOnly:
                fields.ReadOnly = ReadBoolean(ref reader, "readOnly", ref ext);
                break;
            case EnvelopeField.Resources:
                if (reader.ReadValue(CloudTrailJsonKind.Array, "resources", ref ext))
                {
                    // An item that is not an object is a problem: the list keeps the rest, and
                    // the array is kept verbatim so it writes back as read.
                    int mark = reader.Mark();
                    bool verbatim = false;
                    var resources = new List<CloudTrailResource>();
                    while (reader.ReadItem())
                    {
                        if (reader.ItemIs(CloudTrailJsonKind.Object, "resources"))
                        {
                            resources.Add(CloudTrailResource.Read(ref reader));
                        }
                        else
                        {
                            verbatim = true;
                        }
                    }

                    fields.Resources = resources;
                    if (verbatim)
                    {
                        reader.KeepSince(mark, "resources", ref ext);
                    }
                }

                break;
            case EnvelopeField.RecipientAccountId:
                fields.RecipientAccountId = ReadString(ref reader, "recipientAccountId", ref ext);
                break;
            case EnvelopeField.ServiceEventDetails:
                fields.ServiceEventDetails = ReadRaw(ref reader);
                break;
            case EnvelopeField.SharedEventId:
                fields.SharedEventId = ReadString(ref reader, "sharedEventID", ref ext);
                break;
            case EnvelopeField.VpcEndpointId:
                fields.VpcEndpointId = ReadString(ref reader, "vpcEndpointId", ref ext);
                break;
            case EnvelopeField.VpcEndpointAccountId:
                fields.VpcEndpointAccountId = ReadString(ref reader, "vpcEndpointAccountId", ref ext);
                break;
            case EnvelopeField.EventCategory:
                if (reader.ReadValue(CloudTrailJsonKind.String, "eventCategory", ref ext))
                {
                    fields.EventCategory = EventCategory.Read(ref reader);
                }

                break;
            case EnvelopeField.Addendum:
                if (reader.ReadValue(CloudTrailJsonKind.Object, "addendum", ref ext))
                {
                    fields.Addendum = Addendum.Read(ref reader);
                }

                break;
            case EnvelopeField.SessionCredentialFromConsole:
                fields.SessionCredentialFromConsole = ReadString(ref reader, "sessionCredentialFromConsole", ref ext);
                break;
            case EnvelopeField.EdgeDeviceDetails:
                fields.EdgeDeviceDetails = ReadRaw(ref reader);
                break;
            case EnvelopeField.TlsDetails:
                if (reader.ReadValue(CloudTrailJsonKind.Object, "tlsDetails", ref ext))
                {
                    fields.TlsDetails = TlsDetails.Read(ref reader);
                }

                break;
            case EnvelopeField.InsightDetails:
                fields.InsightDetails = ReadRaw(ref reader);
                break;
            default:
                reader.KeepUnknown(ref ext);
                break;
        }
    }

    private static string? ReadString(ref CloudTrailJsonReader reader, string key, ref List<RawJsonProperty>? ext) =>
        reader.ReadValue(CloudTrailJsonKind.String, key, ref ext) ? StringCache.Envelope(ref reader) : null;

    private static bool? ReadBoolean(ref CloudTrailJsonReader reader, string key, ref List<RawJsonProperty>? ext) =>
        reader.ReadValue(CloudTrailJsonKind.Boolean, key, ref ext) ? reader.GetBoolean() : null;

    private static RawJson ReadRaw(ref CloudTrailJsonReader reader)
    {
        reader.Read();
        return reader.GetRaw();
    }
}
