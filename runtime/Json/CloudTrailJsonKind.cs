namespace GlacierTrail;

/// <summary>The JSON shape a typed property expects; used by generated readers.</summary>
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
