using System.ComponentModel;

namespace GlacierTrail.Serialization;

/// <summary>The three parts of a record whose shape depends on the event.</summary>
/// <remarks>This API supports the code the GlacierTrail generator emits and is not meant to be called directly.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum CloudTrailPayload
{
    /// <summary><c>requestParameters</c>.</summary>
    RequestParameters,

    /// <summary><c>responseElements</c>.</summary>
    ResponseElements,

    /// <summary><c>additionalEventData</c>.</summary>
    AdditionalEventData,
}
