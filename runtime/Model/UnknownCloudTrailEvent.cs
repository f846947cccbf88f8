using GlacierTrail.Serialization;

namespace GlacierTrail;

/// <summary>
/// A record whose (eventSource, eventName) no schema describes. Its envelope is typed like any
/// other; its payloads are kept as raw JSON.
/// </summary>
public sealed class UnknownCloudTrailEvent : CloudTrailEvent
{
    /// <summary>Creates an event for a source and name that have no schema.</summary>
    public UnknownCloudTrailEvent(string eventSource, string eventName)
        : base(eventSource, eventName)
    {
    }

    /// <summary><c>requestParameters</c>, verbatim.</summary>
    public RawJson? RequestParameters { get => GetRawPayload(CloudTrailPayload.RequestParameters); set => SetRawPayload(CloudTrailPayload.RequestParameters, value); }

    /// <summary><c>responseElements</c>, verbatim.</summary>
    public RawJson? ResponseElements { get => GetRawPayload(CloudTrailPayload.ResponseElements); set => SetRawPayload(CloudTrailPayload.ResponseElements, value); }

    /// <summary><c>additionalEventData</c>, verbatim.</summary>
    public RawJson? AdditionalEventData { get => GetRawPayload(CloudTrailPayload.AdditionalEventData); set => SetRawPayload(CloudTrailPayload.AdditionalEventData, value); }
}
