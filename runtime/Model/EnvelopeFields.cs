using System;
using System.Collections.Generic;

namespace GlacierTrail;

/// <summary>
/// The envelope values of one record. A record's event type is known only once its
/// <c>eventName</c> has been read, which may come last, so the parser fills this first and the
/// event it then creates takes it over whole.
/// </summary>
internal sealed class EnvelopeFields
{
    public CloudTrailEventVersion? EventVersion;
    public UserIdentity? UserIdentity;
    public DateTimeOffset EventTime;
    public string? AwsRegion;
    public string? SourceIPAddress;
    public string? UserAgent;
    public string? ErrorCode;
    public string? ErrorMessage;
    public string? RequestId;
    public string? EventId;
    public CloudTrailEventType? EventType;
    public string? ApiVersion;
    public bool? ManagementEvent;
    public bool? ReadOnly;
    public IReadOnlyList<CloudTrailResource>? Resources;
    public string? RecipientAccountId;
    public RawJson? ServiceEventDetails;
    public string? SharedEventId;
    public string? VpcEndpointId;
    public string? VpcEndpointAccountId;
    public EventCategory? EventCategory;
    public Addendum? Addendum;
    public string? SessionCredentialFromConsole;
    public RawJson? EdgeDeviceDetails;
    public TlsDetails? TlsDetails;
    public RawJson? InsightDetails;
    public IReadOnlyList<RawJsonProperty>? ExtensionData;

    // Payloads the event type does not describe, kept verbatim, and which payload keys were
    // present at all (a present null must write back as null; an absent key must stay absent).
    public RawJson? RawRequestParameters;
    public RawJson? RawResponseElements;
    public RawJson? RawAdditionalEventData;
    public PayloadFlags PresentPayloads;
}

[Flags]
internal enum PayloadFlags : byte
{
    None = 0,
    RequestParameters = 1,
    ResponseElements = 2,
    AdditionalEventData = 4,
}
