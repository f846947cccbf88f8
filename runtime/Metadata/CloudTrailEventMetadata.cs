using System;
using System.Collections.Generic;

namespace GlacierTrail.Metadata;

/// <summary>
/// What the generator knows of one event type: its (eventSource, eventName), its C# type, and
/// its payloads (<c>requestParameters</c>, <c>responseElements</c>, <c>additionalEventData</c>),
/// each a tree of members where the schema types it. Read it from the generated
/// <c>GlacierTrailEvents.Metadata</c> or <c>GlacierTrailEvents.FindMetadata</c>.
/// </summary>
public sealed class CloudTrailEventMetadata
{
    /// <summary>Creates an event type's metadata (generated code does this once per event type).</summary>
    /// <param name="eventSource">The CloudTrail eventSource.</param>
    /// <param name="eventName">The CloudTrail eventName.</param>
    /// <param name="eventType">The generated event class.</param>
    /// <param name="payloads">The payloads of the event class, each typed or raw.</param>
    public CloudTrailEventMetadata(string eventSource, string eventName, Type eventType, CloudTrailMemberMetadata[] payloads)
    {
        Key = new CloudTrailEventKey(eventSource, eventName);
        EventType = eventType;
        Payloads = payloads;
    }

    /// <summary>The (eventSource, eventName) the type reads.</summary>
    public CloudTrailEventKey Key { get; }

    /// <summary>The CloudTrail eventSource, for example <c>glacier.amazonaws.com</c>.</summary>
    public string EventSource => Key.EventSource;

    /// <summary>The CloudTrail eventName, for example <c>InitiateJob</c>.</summary>
    public string EventName => Key.EventName;

    /// <summary>The generated event class.</summary>
    public Type EventType { get; }

    /// <summary>
    /// The payloads of the event class (<c>requestParameters</c>, <c>responseElements</c>,
    /// <c>additionalEventData</c>). One of kind <see cref="CloudTrailMemberType.Object"/> is typed
    /// by the schema; one of kind <see cref="CloudTrailMemberType.Raw"/> the schema does not
    /// describe, and it is kept verbatim.
    /// </summary>
    public IReadOnlyList<CloudTrailMemberMetadata> Payloads { get; }

    /// <summary>The payload with this JSON name (<c>requestParameters</c>, ...), or null when the event class has no such payload.</summary>
    public CloudTrailMemberMetadata? FindPayload(string jsonName)
    {
        foreach (var payload in Payloads)
        {
            if (string.Equals(payload.JsonName, jsonName, StringComparison.Ordinal))
            {
                return payload;
            }
        }

        return null;
    }

    /// <inheritdoc/>
    public override string ToString() => Key.ToString();
}
