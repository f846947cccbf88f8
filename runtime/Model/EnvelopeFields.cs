using System;
using System.Collections.Generic;
using GlacierTrail.Serialization;

namespace GlacierTrail;

/// <summary>
/// The envelope values of one record, held inside its event. A record's event type is known only
/// once its <c>eventName</c> has been read, which may come last, so the parser fills a copy of its
/// own and hands it to the event whole.
/// </summary>
/// <remarks>
/// Every record read carries one of these, so it holds only what most records have, as compactly
/// as the values allow: members that few records have live in <see cref="RareEnvelopeFields"/>,
/// created on the first one set; open value sets and the version are held as their strings and
/// wrapped on the way out, and the timestamp as ticks and an offset that pack with the small
/// members, instead of nullable structs each padded to a word.
/// </remarks>
internal struct EnvelopeFields
{
    private RareEnvelopeFields? _rare;
    private string? _eventVersion;
    private string? _eventType;
    private string? _eventCategory;
    private long _eventTimeTicks;
    private short _eventTimeOffsetMinutes;

    public UserIdentity? UserIdentity;
    public string? AwsRegion;
    public string? SourceIPAddress;
    public string? UserAgent;
    public string? ErrorCode;
    public string? ErrorMessage;
    public string? RequestId;
    public string? EventId;
    public bool? ManagementEvent;
    public bool? ReadOnly;
    public IReadOnlyList<CloudTrailResource>? Resources;
    public string? RecipientAccountId;
    public TlsDetails? TlsDetails;
    public IReadOnlyList<RawJsonProperty>? ExtensionData;

    // Which payload keys were present at all (a present null must write back as null; an absent
    // key must stay absent), and which of the always-written members were absent.
    public PayloadFlags PresentPayloads;

    public CloudTrailEventVersion? EventVersion
    {
        readonly get => _eventVersion is { } value ? new CloudTrailEventVersion(value) : (CloudTrailEventVersion?)null;
        set => _eventVersion = value?.Value;
    }

    // CloudTrail's offsets are whole minutes (the type allows no finer ones). A record without a
    // readable eventTime has none.
    public DateTimeOffset? EventTime
    {
        readonly get => (PresentPayloads & PayloadFlags.HasEventTime) != 0 ? new(_eventTimeTicks, TimeSpan.FromMinutes(_eventTimeOffsetMinutes)) : null;
        set
        {
            if (value is { } time)
            {
                _eventTimeTicks = time.Ticks;
                _eventTimeOffsetMinutes = (short)time.Offset.TotalMinutes;
                PresentPayloads |= PayloadFlags.HasEventTime;
            }
            else
            {
                PresentPayloads &= ~PayloadFlags.HasEventTime;
            }
        }
    }

    public CloudTrailEventType? EventType
    {
        readonly get => _eventType is { } value ? new CloudTrailEventType(value) : (CloudTrailEventType?)null;
        set => _eventType = value?.Value;
    }

    public EventCategory? EventCategory
    {
        readonly get => _eventCategory is { } value ? new EventCategory(value) : (EventCategory?)null;
        set => _eventCategory = value?.Value;
    }

    public string? ApiVersion { readonly get => _rare?.ApiVersion; set => Rare(value)?.ApiVersion = value; }

    public RawJson? ServiceEventDetails { readonly get => _rare?.ServiceEventDetails; set => Rare(value)?.ServiceEventDetails = value; }

    public string? SharedEventId { readonly get => _rare?.SharedEventId; set => Rare(value)?.SharedEventId = value; }

    public string? VpcEndpointId { readonly get => _rare?.VpcEndpointId; set => Rare(value)?.VpcEndpointId = value; }

    public string? VpcEndpointAccountId { readonly get => _rare?.VpcEndpointAccountId; set => Rare(value)?.VpcEndpointAccountId = value; }

    public Addendum? Addendum { readonly get => _rare?.Addendum; set => Rare(value)?.Addendum = value; }

    public string? SessionCredentialFromConsole { readonly get => _rare?.SessionCredentialFromConsole; set => Rare(value)?.SessionCredentialFromConsole = value; }

    public RawJson? EdgeDeviceDetails { readonly get => _rare?.EdgeDeviceDetails; set => Rare(value)?.EdgeDeviceDetails = value; }

    public RawJson? InsightDetails { readonly get => _rare?.InsightDetails; set => Rare(value)?.InsightDetails = value; }

    // Payloads the event type does not describe, kept verbatim.
    public RawJson? RawRequestParameters { readonly get => _rare?.RawRequestParameters; set => Rare(value)?.RawRequestParameters = value; }

    public RawJson? RawResponseElements { readonly get => _rare?.RawResponseElements; set => Rare(value)?.RawResponseElements = value; }

    public RawJson? RawAdditionalEventData { readonly get => _rare?.RawAdditionalEventData; set => Rare(value)?.RawAdditionalEventData = value; }

    // What did not fit, for the few records that have problems.
    public CloudTrailProblem[]? Problems { readonly get => (_rare as RareFieldsWithProblems)?.Problems; set => WithProblems(value)?.Problems = value; }

    // The record's own text, for the few records the typed model cannot write back (a repeated
    // member, text that is not Unicode).
    public RawJson? Verbatim { readonly get => (_rare as RareFieldsWithProblems)?.Verbatim; set => WithProblems(value)?.Verbatim = value; }

    public readonly RawJson? GetRawPayload(CloudTrailPayload payload) => payload switch
    {
        CloudTrailPayload.RequestParameters => RawRequestParameters,
        CloudTrailPayload.ResponseElements => RawResponseElements,
        _ => RawAdditionalEventData,
    };

    public void SetRawPayload(CloudTrailPayload payload, RawJson? value)
    {
        switch (payload)
        {
            case CloudTrailPayload.RequestParameters: RawRequestParameters = value; break;
            case CloudTrailPayload.ResponseElements: RawResponseElements = value; break;
            default: RawAdditionalEventData = value; break;
        }
    }

    // Setting null where nothing rare was ever set has nothing to clear: no allocation.
    private RareEnvelopeFields? Rare(object? value) => value is null ? _rare : _rare ??= new();

    // Problems live in a larger kind of the side object, made only for records that have them,
    // so the many records with a rare member but no problem carry nothing more.
    private RareFieldsWithProblems? WithProblems(object? value)
    {
        if (value is null || _rare is RareFieldsWithProblems)
        {
            return _rare as RareFieldsWithProblems;
        }

        var larger = new RareFieldsWithProblems();
        _rare?.CopyTo(larger);
        _rare = larger;
        return larger;
    }

    private sealed class RareFieldsWithProblems : RareEnvelopeFields
    {
        public CloudTrailProblem[]? Problems;
        public RawJson? Verbatim;
    }

    private class RareEnvelopeFields
    {
        public string? ApiVersion;
        public RawJson? ServiceEventDetails;
        public string? SharedEventId;
        public string? VpcEndpointId;
        public string? VpcEndpointAccountId;
        public Addendum? Addendum;
        public string? SessionCredentialFromConsole;
        public RawJson? EdgeDeviceDetails;
        public RawJson? InsightDetails;
        public RawJson? RawRequestParameters;
        public RawJson? RawResponseElements;
        public RawJson? RawAdditionalEventData;

        public void CopyTo(RareEnvelopeFields other)
        {
            other.ApiVersion = ApiVersion;
            other.ServiceEventDetails = ServiceEventDetails;
            other.SharedEventId = SharedEventId;
            other.VpcEndpointId = VpcEndpointId;
            other.VpcEndpointAccountId = VpcEndpointAccountId;
            other.Addendum = Addendum;
            other.SessionCredentialFromConsole = SessionCredentialFromConsole;
            other.EdgeDeviceDetails = EdgeDeviceDetails;
            other.InsightDetails = InsightDetails;
            other.RawRequestParameters = RawRequestParameters;
            other.RawResponseElements = RawResponseElements;
            other.RawAdditionalEventData = RawAdditionalEventData;
        }
    }
}

[Flags]
internal enum PayloadFlags : byte
{
    None = 0,
    RequestParameters = 1,
    ResponseElements = 2,
    AdditionalEventData = 4,

    // Not payloads, but state that packs into the same byte.
    HasEventTime = 8,
    NoEventSource = 16,
    NoEventName = 32,
}
