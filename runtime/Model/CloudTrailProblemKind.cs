namespace GlacierTrail;

/// <summary>What did not fit in a record that was still delivered.</summary>
public enum CloudTrailProblemKind
{
    /// <summary>A member the schema calls required is absent, or null.</summary>
    MissingMember,

    /// <summary>A member holds a JSON value of another type than its schema's (<c>"readOnly": "True"</c>).</summary>
    WrongType,

    /// <summary>A member appears more than once in one object; the typed property holds the last occurrence.</summary>
    RepeatedMember,

    /// <summary>
    /// A timestamp that reads, but not in the form CloudTrail writes (<c>2014-12-10T19:05:15Z</c>):
    /// a space instead of <c>T</c>, fractional seconds, no zone (read as UTC), another offset.
    /// </summary>
    NonCanonicalTimestamp,

    /// <summary>A string where a timestamp belongs that no timestamp form reads.</summary>
    UnreadableTimestamp,

    /// <summary>A number where an integer belongs that is fractional or beyond a 64-bit integer.</summary>
    NumberOutOfRange,

    /// <summary>The record came in a container shape that was read by a guess (for example a LookupEvents entry without <c>CloudTrailEvent</c>).</summary>
    UnknownContainerShape,

    /// <summary>A string or member name holds an escape that is not valid Unicode (a lone surrogate such as <c>\ud800</c>); U+FFFD stands in its place.</summary>
    InvalidUnicode,
}
