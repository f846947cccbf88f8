using System;
using System.Collections.Generic;
using System.ComponentModel;

namespace GlacierTrail.Serialization;

/// <summary>
/// Maps (eventSource, eventName) to a new, empty typed event. The generator implements it for
/// every schema in the compilation; the runtime's readers use it to dispatch without reflection.
/// </summary>
/// <remarks>This API supports the code the GlacierTrail generator emits and is not meant to be called directly.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface ICloudTrailEventFactory
{
    /// <summary>The event types this factory creates.</summary>
    IReadOnlyList<CloudTrailEventKey> KnownEvents { get; }

    /// <summary>A new event for these UTF-8 names, or null when no schema describes them.</summary>
    CloudTrailEvent? Create(ReadOnlySpan<byte> eventSource, ReadOnlySpan<byte> eventName);
}
