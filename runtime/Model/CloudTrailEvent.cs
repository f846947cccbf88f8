using System;
using System.Buffers;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text;
using System.Text.Json;

namespace GlacierTrail;

/// <summary>
/// One CloudTrail record: every envelope field, typed. Generated subclasses
/// (<c>{EventName}Event</c>) add typed <c>RequestParameters</c>, <c>ResponseElements</c> and
/// <c>AdditionalEventData</c>; <see cref="UnknownCloudTrailEvent"/> keeps them as raw JSON.
/// </summary>
public abstract class CloudTrailEvent
{
    private EnvelopeFields _fields = new();

    /// <summary>Creates an event of a known source and name.</summary>
    protected CloudTrailEvent(string eventSource, string eventName)
    {
        ArgumentNullException.ThrowIfNull(eventSource);
        ArgumentNullException.ThrowIfNull(eventName);
        EventSource = eventSource;
        EventName = eventName;
    }

    /// <summary><c>eventVersion</c>: the record format's version, e.g. 1.08.</summary>
    public CloudTrailEventVersion? EventVersion { get => _fields.EventVersion; set => _fields.EventVersion = value; }

    /// <summary><c>userIdentity</c>: who made the call, with what credentials.</summary>
    public UserIdentity? UserIdentity { get => _fields.UserIdentity; set => _fields.UserIdentity = value; }

    /// <summary><c>eventTime</c>: when the request completed, in UTC.</summary>
    public DateTimeOffset EventTime { get => _fields.EventTime; set => _fields.EventTime = value; }

    /// <summary><c>eventSource</c>: the service, e.g. <c>glacier.amazonaws.com</c>.</summary>
    public string EventSource { get; }

    /// <summary><c>eventName</c>: the API action, e.g. <c>CreateVault</c>.</summary>
    public string EventName { get; }

    /// <summary><c>awsRegion</c>.</summary>
    public string? AwsRegion { get => _fields.AwsRegion; set => _fields.AwsRegion = value; }

    /// <summary><c>sourceIPAddress</c>: the caller's IP address, or a service name for calls made by a service.</summary>
    public string? SourceIPAddress { get => _fields.SourceIPAddress; set => _fields.SourceIPAddress = value; }

    /// <summary><c>userAgent</c>: the tool or SDK that made the call (caller-controlled text).</summary>
    public string? UserAgent { get => _fields.UserAgent; set => _fields.UserAgent = value; }

    /// <summary><c>errorCode</c>: set when the call failed, e.g. <c>AccessDenied</c>.</summary>
    public string? ErrorCode { get => _fields.ErrorCode; set => _fields.ErrorCode = value; }

    /// <summary><c>errorMessage</c>: the failure's description.</summary>
    public string? ErrorMessage { get => _fields.ErrorMessage; set => _fields.ErrorMessage = value; }

    /// <summary><c>requestID</c>: the service's request identifier.</summary>
    public string? RequestId { get => _fields.RequestId; set => _fields.RequestId = value; }

    /// <summary><c>eventID</c>: CloudTrail's unique identifier for the record.</summary>
    public string? EventId { get => _fields.EventId; set => _fields.EventId = value; }

    /// <summary><c>eventType</c>: e.g. <c>AwsApiCall</c>; other values are kept.</summary>
    public CloudTrailEventType? EventType { get => _fields.EventType; set => _fields.EventType = value; }

    /// <summary><c>apiVersion</c>.</summary>
    public string? ApiVersion { get => _fields.ApiVersion; set => _fields.ApiVersion = value; }

    /// <summary><c>managementEvent</c>.</summary>
    public bool? ManagementEvent { get => _fields.ManagementEvent; set => _fields.ManagementEvent = value; }

    /// <summary><c>readOnly</c>: whether the call only reads.</summary>
    public bool? ReadOnly { get => _fields.ReadOnly; set => _fields.ReadOnly = value; }

    /// <summary><c>resources</c>: the resources the call touched, when CloudTrail lists them.</summary>
    public IReadOnlyList<CloudTrailResource>? Resources { get => _fields.Resources; set => _fields.Resources = value; }

    /// <summary><c>recipientAccountId</c>: the account that received the event.</summary>
    public string? RecipientAccountId { get => _fields.RecipientAccountId; set => _fields.RecipientAccountId = value; }

    /// <summary><c>serviceEventDetails</c>, verbatim (its shape varies by service).</summary>
    public RawJson? ServiceEventDetails { get => _fields.ServiceEventDetails; set => _fields.ServiceEventDetails = value; }

    /// <summary><c>sharedEventID</c>: links the copies of a cross-account event.</summary>
    public string? SharedEventId { get => _fields.SharedEventId; set => _fields.SharedEventId = value; }

    /// <summary><c>vpcEndpointId</c>.</summary>
    public string? VpcEndpointId { get => _fields.VpcEndpointId; set => _fields.VpcEndpointId = value; }

    /// <summary><c>vpcEndpointAccountId</c>.</summary>
    public string? VpcEndpointAccountId { get => _fields.VpcEndpointAccountId; set => _fields.VpcEndpointAccountId = value; }

    /// <summary><c>eventCategory</c>: e.g. <c>Management</c>; other values are kept.</summary>
    public EventCategory? EventCategory { get => _fields.EventCategory; set => _fields.EventCategory = value; }

    /// <summary><c>addendum</c>: present when CloudTrail delivered the event late or corrected it.</summary>
    public Addendum? Addendum { get => _fields.Addendum; set => _fields.Addendum = value; }

    /// <summary><c>sessionCredentialFromConsole</c>: the string "true" when the credentials came from a console session.</summary>
    public string? SessionCredentialFromConsole { get => _fields.SessionCredentialFromConsole; set => _fields.SessionCredentialFromConsole = value; }

    /// <summary><c>edgeDeviceDetails</c>, verbatim.</summary>
    public RawJson? EdgeDeviceDetails { get => _fields.EdgeDeviceDetails; set => _fields.EdgeDeviceDetails = value; }

    /// <summary><c>tlsDetails</c>: TLS version, cipher suite and host header of the call.</summary>
    public TlsDetails? TlsDetails { get => _fields.TlsDetails; set => _fields.TlsDetails = value; }

    /// <summary><c>insightDetails</c>, verbatim (Insights events only).</summary>
    public RawJson? InsightDetails { get => _fields.InsightDetails; set => _fields.InsightDetails = value; }

    /// <summary>
    /// Members of the record that no envelope property maps to a typed value: unknown names,
    /// explicit nulls, values kept verbatim. They are written back exactly as read.
    /// </summary>
    public IReadOnlyList<RawJsonProperty>? ExtensionData { get => _fields.ExtensionData; set => _fields.ExtensionData = value; }

    /// <summary>Whether the call failed (it has an <see cref="ErrorCode"/>).</summary>
    public bool IsError => ErrorCode is not null;

    /// <summary>Writes the event back as a CloudTrail record, JSON-equal to the record it was read from.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        CloudTrailRecordWriter.Write(this, writer);
    }

    /// <summary>The event as a CloudTrail record in compact JSON.</summary>
    public string ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{EventTime:u} {EventSource} {EventName}";

    /// <summary>Generated events read the payloads their schema describes; false leaves it raw.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected internal virtual bool ReadPayload(CloudTrailPayload payload, ref CloudTrailJsonReader reader) => false;

    /// <summary>Generated events write the typed payloads they hold; false when they hold none.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected internal virtual bool WritePayload(CloudTrailPayload payload, Utf8JsonWriter writer) => false;

    /// <summary>A payload kept verbatim (one the event type does not describe).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected RawJson? GetRawPayload(CloudTrailPayload payload) => payload switch
    {
        CloudTrailPayload.RequestParameters => _fields.RawRequestParameters,
        CloudTrailPayload.ResponseElements => _fields.RawResponseElements,
        _ => _fields.RawAdditionalEventData,
    };

    /// <summary>Sets a payload kept verbatim.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected void SetRawPayload(CloudTrailPayload payload, RawJson? value)
    {
        switch (payload)
        {
            case CloudTrailPayload.RequestParameters: _fields.RawRequestParameters = value; break;
            case CloudTrailPayload.ResponseElements: _fields.RawResponseElements = value; break;
            default: _fields.RawAdditionalEventData = value; break;
        }
    }

    internal void SetRawPayloadInternal(CloudTrailPayload payload, RawJson? value) => SetRawPayload(payload, value);

    internal EnvelopeFields Fields
    {
        get => _fields;
        set => _fields = value;
    }

    internal static PayloadFlags FlagOf(CloudTrailPayload payload) => payload switch
    {
        CloudTrailPayload.RequestParameters => PayloadFlags.RequestParameters,
        CloudTrailPayload.ResponseElements => PayloadFlags.ResponseElements,
        _ => PayloadFlags.AdditionalEventData,
    };
}
