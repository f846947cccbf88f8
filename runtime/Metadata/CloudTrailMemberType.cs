namespace GlacierTrail.Metadata;

/// <summary>
/// What a payload member's JSON value is, as the generator typed it from its schema. A value of
/// another JSON type is not lost: the reader keeps it and records a problem.
/// </summary>
public enum CloudTrailMemberType
{
    /// <summary>Any JSON, kept verbatim: the schema gives no single type (no type, several types, <c>oneOf</c>, <c>const</c>, <c>not</c>, <c>if</c>, an object with no declared members).</summary>
    Raw,

    /// <summary>A JSON string.</summary>
    String,

    /// <summary>A JSON string with <c>format: date-time</c>, read as a timestamp.</summary>
    DateTime,

    /// <summary>A JSON number that fits a 64-bit integer.</summary>
    Integer,

    /// <summary>Any JSON number.</summary>
    Number,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>A JSON string with named known values (<c>enum</c>); other strings are kept too.</summary>
    Enum,

    /// <summary>A JSON object with declared members (a generated class).</summary>
    Object,

    /// <summary>A JSON array; <see cref="CloudTrailTypeMetadata.Element"/> types its items.</summary>
    Array,

    /// <summary>A JSON object of only <c>additionalProperties</c>; <see cref="CloudTrailTypeMetadata.Element"/> types its values.</summary>
    Map,
}
