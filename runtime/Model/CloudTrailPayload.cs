namespace GlacierTrail;

/// <summary>The three parts of a record whose shape depends on the event.</summary>
public enum CloudTrailPayload
{
    /// <summary><c>requestParameters</c>.</summary>
    RequestParameters,

    /// <summary><c>responseElements</c>.</summary>
    ResponseElements,

    /// <summary><c>additionalEventData</c>.</summary>
    AdditionalEventData,
}
