using System;
using System.Buffers;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text;
using System.Text.Json;
using GlacierTrail.Serialization;

namespace GlacierTrail;

/// <summary>
/// One CloudTrail record: every envelope field, typed. Generated subclasses
/// (<c>{EventName}Event</c>) add typed <c>RequestParameters</c>, <c>ResponseElements</c> and
/// <c>AdditionalEventData</c>; <see cref="UnknownCloudTrailEvent"/> keeps them as raw JSON.
/// </summary>
public abstract class CloudTrailEvent
{
    /// <summary>Creates an event of a known source and name.</summary>
    protected CloudTrailEvent(string eventSource, string eventName)
    {
        ArgumentNullException.ThrowIfNull(eventSource);
        ArgumentNullException.ThrowIfNull(eventName);
        EventSource = eventSource;
        EventName = eventName;
    }

    /// <summary><c>eventVersion</c>: the record format's version, e.g. 1.08.</summary>
    public CloudTrailEventVersion? EventVersion { get => Fields.EventVersion; set => Fields.EventVersion = value; }

    /// <summary><c>userIdentity</c>: who made the call, with what credentials.</summary>
    public UserIdentity? UserIdentity { get => Fields.UserIdentity; set => Fields.UserIdentity = value; }

    /// <summary>
    /// <c>eventTime</c>: when the request completed, in UTC; null when the record has no
    /// readable <c>eventTime</c> (a problem says why, and the text is kept for write-back).
    /// </summary>
    public DateTimeOffset? EventTime { get => Fields.EventTime; set => Fields.EventTime = value; }

    /// <summary>
    /// <c>eventSource</c>: the service, e.g. <c>glacier.amazonaws.com</c>. Empty for a record
    /// without a string <c>eventSource</c> (an <see cref="UnknownCloudTrailEvent"/> with a problem).
    /// </summary>
    public string EventSource { get; }

    /// <summary>
    /// <c>eventName</c>: the API action, e.g. <c>CreateVault</c>. Empty for a record without a
    /// string <c>eventName</c> (an <see cref="UnknownCloudTrailEvent"/> with a problem).
    /// </summary>
    public string EventName { get; }

    /// <summary><c>awsRegion</c>.</summary>
    public string? AwsRegion { get => Fields.AwsRegion; set => Fields.AwsRegion = value; }

    /// <summary><c>sourceIPAddress</c>: the caller's IP address, or a service name for calls made by a service.</summary>
    public string? SourceIPAddress { get => Fields.SourceIPAddress; set => Fields.SourceIPAddress = value; }

    /// <summary><c>userAgent</c>: the tool or SDK that made the call (caller-controlled text).</summary>
    public string? UserAgent { get => Fields.UserAgent; set => Fields.UserAgent = value; }

    /// <summary><c>errorCode</c>: set when the call failed, e.g. <c>AccessDenied</c>.</summary>
    public string? ErrorCode { get => Fields.ErrorCode; set => Fields.ErrorCode = value; }

    /// <summary><c>errorMessage</c>: the failure's description.</summary>
    public string? ErrorMessage { get => Fields.ErrorMessage; set => Fields.ErrorMessage = value; }

    /// <summary><c>requestID</c>: the service's request identifier.</summary>
    public string? RequestId { get => Fields.RequestId; set => Fields.RequestId = value; }

    /// <summary><c>eventID</c>: CloudTrail's unique identifier for the record.</summary>
    public string? EventId { get => Fields.EventId; set => Fields.EventId = value; }

    /// <summary><c>eventType</c>: e.g. <c>AwsApiCall</c>; other values are kept.</summary>
    public CloudTrailEventType? EventType { get => Fields.EventType; set => Fields.EventType = value; }

    /// <summary><c>apiVersion</c>.</summary>
    public string? ApiVersion { get => Fields.ApiVersion; set => Fields.ApiVersion = value; }

    /// <summary><c>managementEvent</c>.</summary>
    public bool? ManagementEvent { get => Fields.ManagementEvent; set => Fields.ManagementEvent = value; }

    /// <summary><c>readOnly</c>: whether the call only reads.</summary>
    public bool? ReadOnly { get => Fields.ReadOnly; set => Fields.ReadOnly = value; }

    /// <summary><c>resources</c>: the resources the call touched, when CloudTrail lists them.</summary>
    public IReadOnlyList<CloudTrailResource>? Resources { get => Fields.Resources; set => Fields.Resources = value; }

    /// <summary><c>recipientAccountId</c>: the account that received the event.</summary>
    public string? RecipientAccountId { get => Fields.RecipientAccountId; set => Fields.RecipientAccountId = value; }

    /// <summary><c>serviceEventDetails</c>, verbatim (its shape varies by service).</summary>
    public RawJson? ServiceEventDetails { get => Fields.ServiceEventDetails; set => Fields.ServiceEventDetails = value; }

    /// <summary><c>sharedEventID</c>: links the copies of a cross-account event.</summary>
    public string? SharedEventId { get => Fields.SharedEventId; set => Fields.SharedEventId = value; }

    /// <summary><c>vpcEndpointId</c>.</summary>
    public string? VpcEndpointId { get => Fields.VpcEndpointId; set => Fields.VpcEndpointId = value; }

    /// <summary><c>vpcEndpointAccountId</c>.</summary>
    public string? VpcEndpointAccountId { get => Fields.VpcEndpointAccountId; set => Fields.VpcEndpointAccountId = value; }

    /// <summary><c>eventCategory</c>: e.g. <c>Management</c>; other values are kept.</summary>
    public EventCategory? EventCategory { get => Fields.EventCategory; set => Fields.EventCategory = value; }

    /// <summary><c>addendum</c>: present when CloudTrail delivered the event late or corrected it.</summary>
    public Addendum? Addendum { get => Fields.Addendum; set => Fields.Addendum = value; }

    /// <summary><c>sessionCredentialFromConsole</c>: the string "true" when the credentials came from a console session.</summary>
    public string? SessionCredentialFromConsole { get => Fields.SessionCredentialFromConsole; set => Fields.SessionCredentialFromConsole = value; }

    /// <summary><c>edgeDeviceDetails</c>, verbatim.</summary>
    public RawJson? EdgeDeviceDetails { get => Fields.EdgeDeviceDetails; set => Fields.EdgeDeviceDetails = value; }

    /// <summary><c>tlsDetails</c>: TLS version, cipher suite and host header of the call.</summary>
    public TlsDetails? TlsDetails { get => Fields.TlsDetails; set => Fields.TlsDetails = value; }

    /// <summary><c>insightDetails</c>, verbatim (Insights events only).</summary>
    public RawJson? InsightDetails { get => Fields.InsightDetails; set => Fields.InsightDetails = value; }

    /// <summary>
    /// Members of the record that no envelope property maps to a typed value: unknown names,
    /// explicit nulls, values kept verbatim. They are written back exactly as read.
    /// </summary>
    public IReadOnlyList<RawJsonProperty>? ExtensionData { get => Fields.ExtensionData; set => Fields.ExtensionData = value; }

    /// <summary>Whether the call failed (it has an <see cref="ErrorCode"/>).</summary>
    public bool IsError => ErrorCode is not null;

    /// <summary>
    /// What in the record did not fit its schema or CloudTrail's format (a missing or repeated
    /// member, a value of another JSON type, a timestamp in another form), each with its path
    /// and the value as written; empty for a clean record. The event is still typed as far as
    /// the record goes.
    /// </summary>
    public IReadOnlyList<CloudTrailProblem> Problems => Fields.Problems ?? (IReadOnlyList<CloudTrailProblem>)Array.Empty<CloudTrailProblem>();

    /// <summary>Whether <see cref="Problems"/> has any.</summary>
    public bool HasProblems => Fields.Problems is { Length: > 0 };

    /// <summary>
    /// The 0-based index of the record this event was read from in its file, stream or log in
    /// memory, counted as <see cref="CloudTrailReadException.RecordIndex"/> counts: every record,
    /// including those <see cref="CloudTrailReaderOptions.EventFilter"/> passed over and those
    /// that could not be read. -1 for an event parsed alone
    /// (the generated <c>GlacierTrailEvents.ParseRecord</c>) or built in code.
    /// </summary>
    public long RecordIndex { get; internal set; } = -1;

    /// <summary>
    /// Writes the event back as a CloudTrail record, JSON-equal to the record it was read from.
    /// A record with a repeated member or text that is not Unicode is written back as it was
    /// read, every occurrence in place, since the typed model holds one value per member.
    /// </summary>
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
    public override string ToString() => EventTime is { } time ? $"{time:u} {EventSource} {EventName}" : $"{EventSource} {EventName}";

    /// <summary>Generated events read the payloads their schema describes; false leaves it raw.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected internal virtual bool ReadPayload(CloudTrailPayload payload, ref CloudTrailJsonReader reader) => false;

    /// <summary>Generated events write the typed payloads they hold; false when they hold none.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected internal virtual bool WritePayload(CloudTrailPayload payload, Utf8JsonWriter writer) => false;

    /// <summary>A payload kept verbatim (one the event type does not describe).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected RawJson? GetRawPayload(CloudTrailPayload payload) => Fields.GetRawPayload(payload);

    /// <summary>Sets a payload kept verbatim.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected void SetRawPayload(CloudTrailPayload payload, RawJson? value) => Fields.SetRawPayload(payload, value);

    /// <summary>Adds a problem found outside the record itself (by the container it came in).</summary>
    internal void AddProblem(CloudTrailProblem problem)
    {
        var problems = Fields.Problems;
        if (problems is null)
        {
            Fields.Problems = [problem];
            return;
        }

        Array.Resize(ref problems, problems.Length + 1);
        problems[^1] = problem;
        Fields.Problems = problems;
    }

    // Held inline (a struct) rather than as an object of its own: one allocation less per record.
    internal EnvelopeFields Fields;

    internal static PayloadFlags FlagOf(CloudTrailPayload payload) => payload switch
    {
        CloudTrailPayload.RequestParameters => PayloadFlags.RequestParameters,
        CloudTrailPayload.ResponseElements => PayloadFlags.ResponseElements,
        _ => PayloadFlags.AdditionalEventData,
    };
}
