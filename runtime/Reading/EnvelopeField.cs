using System;

namespace GlacierTrail;

/// <summary>The top-level members of a record that the envelope knows.</summary>
internal enum EnvelopeField
{
    Unknown,
    EventVersion,
    UserIdentity,
    EventTime,
    EventSource,
    EventName,
    AwsRegion,
    SourceIPAddress,
    UserAgent,
    ErrorCode,
    ErrorMessage,
    RequestParameters,
    ResponseElements,
    AdditionalEventData,
    RequestId,
    EventId,
    EventType,
    ApiVersion,
    ManagementEvent,
    ReadOnly,
    Resources,
    RecipientAccountId,
    ServiceEventDetails,
    SharedEventId,
    VpcEndpointId,
    VpcEndpointAccountId,
    EventCategory,
    Addendum,
    SessionCredentialFromConsole,
    EdgeDeviceDetails,
    TlsDetails,
    InsightDetails,
}

internal static class EnvelopeFieldNames
{
    /// <summary>Identifies a member by its UTF-8 name: by length first, so most names cost one comparison.</summary>
    public static EnvelopeField Identify(ReadOnlySpan<byte> name) => name.Length switch
    {
        7 => Is(name, "eventID"u8, EnvelopeField.EventId),
        8 => Is(name, "readOnly"u8, EnvelopeField.ReadOnly) | Is(name, "addendum"u8, EnvelopeField.Addendum),
        9 => name[0] switch
        {
            (byte)'e' => Is(name, "eventTime"u8, EnvelopeField.EventTime) | Is(name, "eventName"u8, EnvelopeField.EventName)
                | Is(name, "eventType"u8, EnvelopeField.EventType) | Is(name, "errorCode"u8, EnvelopeField.ErrorCode),
            (byte)'a' => Is(name, "awsRegion"u8, EnvelopeField.AwsRegion),
            (byte)'u' => Is(name, "userAgent"u8, EnvelopeField.UserAgent),
            (byte)'r' => Is(name, "requestID"u8, EnvelopeField.RequestId) | Is(name, "resources"u8, EnvelopeField.Resources),
            _ => EnvelopeField.Unknown,
        },
        10 => Is(name, "apiVersion"u8, EnvelopeField.ApiVersion) | Is(name, "tlsDetails"u8, EnvelopeField.TlsDetails),
        11 => Is(name, "eventSource"u8, EnvelopeField.EventSource),
        12 => Is(name, "eventVersion"u8, EnvelopeField.EventVersion) | Is(name, "userIdentity"u8, EnvelopeField.UserIdentity)
            | Is(name, "errorMessage"u8, EnvelopeField.ErrorMessage),
        13 => Is(name, "sharedEventID"u8, EnvelopeField.SharedEventId) | Is(name, "vpcEndpointId"u8, EnvelopeField.VpcEndpointId)
            | Is(name, "eventCategory"u8, EnvelopeField.EventCategory),
        14 => Is(name, "insightDetails"u8, EnvelopeField.InsightDetails),
        15 => Is(name, "sourceIPAddress"u8, EnvelopeField.SourceIPAddress) | Is(name, "managementEvent"u8, EnvelopeField.ManagementEvent),
        16 => Is(name, "responseElements"u8, EnvelopeField.ResponseElements),
        17 => Is(name, "requestParameters"u8, EnvelopeField.RequestParameters) | Is(name, "edgeDeviceDetails"u8, EnvelopeField.EdgeDeviceDetails),
        18 => Is(name, "recipientAccountId"u8, EnvelopeField.RecipientAccountId),
        19 => Is(name, "additionalEventData"u8, EnvelopeField.AdditionalEventData) | Is(name, "serviceEventDetails"u8, EnvelopeField.ServiceEventDetails),
        20 => Is(name, "vpcEndpointAccountId"u8, EnvelopeField.VpcEndpointAccountId),
        28 => Is(name, "sessionCredentialFromConsole"u8, EnvelopeField.SessionCredentialFromConsole),
        _ => EnvelopeField.Unknown,
    };

    // Unknown is 0, so OR-ing the candidates of one length yields the one that matched.
    private static EnvelopeField Is(ReadOnlySpan<byte> name, ReadOnlySpan<byte> candidate, EnvelopeField field) =>
        name.SequenceEqual(candidate) ? field : EnvelopeField.Unknown;
}
