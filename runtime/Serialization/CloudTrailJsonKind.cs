using System.ComponentModel;

namespace GlacierTrail.Serialization;

/// <summary>The JSON shape a typed property expects; used by generated readers.</summary>
/// <remarks>This API supports the code the GlacierTrail generator emits and is not meant to be called directly.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum CloudTrailJsonKind
{
    /// <summary>A JSON string.</summary>
    String,

    /// <summary>A JSON string holding an ISO 8601 date and time.</summary>
    DateTime,

    /// <summary>A JSON number that fits a 64-bit integer.</summary>
    Integer,

    /// <summary>Any JSON number.</summary>
    Number,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>A JSON object.</summary>
    Object,

    /// <summary>A JSON array.</summary>
    Array,
}
