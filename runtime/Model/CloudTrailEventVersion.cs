using System;
using System.Globalization;

namespace GlacierTrail;

/// <summary>
/// A record's <c>eventVersion</c>. Compares as major and minor integers ("1.10" is newer than
/// "1.9"); any version is accepted, including ones newer than this library knows, and the text is
/// kept exactly for writing back.
/// </summary>
public readonly struct CloudTrailEventVersion : IEquatable<CloudTrailEventVersion>, IComparable<CloudTrailEventVersion>
{
    /// <summary>Wraps a version string as it appears in a record.</summary>
    public CloudTrailEventVersion(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Value = value;
        int dot = value.IndexOf('.', StringComparison.Ordinal);
        var majorText = dot < 0 ? value.AsSpan() : value.AsSpan(0, dot);
        var minorText = dot < 0 ? "0".AsSpan() : value.AsSpan(dot + 1);
        if (int.TryParse(majorText, NumberStyles.None, CultureInfo.InvariantCulture, out int major)
            && int.TryParse(minorText, NumberStyles.None, CultureInfo.InvariantCulture, out int minor))
        {
            Major = major;
            Minor = minor;
        }
        else
        {
            Major = -1;
            Minor = -1;
        }
    }

    /// <summary>The text as read, e.g. <c>1.08</c>.</summary>
    public string Value { get; }

    /// <summary>The major number, or -1 when the text is not <c>major.minor</c>.</summary>
    public int Major { get; }

    /// <summary>The minor number, or -1 when the text is not <c>major.minor</c>.</summary>
    public int Minor { get; }

    /// <summary>Whether the text is <c>major.minor</c> with decimal integers.</summary>
    public bool IsWellFormed => Major >= 0;

    /// <inheritdoc/>
    public int CompareTo(CloudTrailEventVersion other)
    {
        if (IsWellFormed && other.IsWellFormed)
        {
            int byMajor = Major.CompareTo(other.Major);
            return byMajor != 0 ? byMajor : Minor.CompareTo(other.Minor);
        }

        // Well-formed versions sort before malformed ones; malformed ones by their text.
        return IsWellFormed != other.IsWellFormed
            ? (IsWellFormed ? -1 : 1)
            : string.CompareOrdinal(Value, other.Value);
    }

    /// <summary>Equal when major and minor are equal ("1.8" equals "1.08"), or, if malformed, the text is.</summary>
    public bool Equals(CloudTrailEventVersion other) => CompareTo(other) == 0;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is CloudTrailEventVersion other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => IsWellFormed ? HashCode.Combine(Major, Minor) : (Value ?? string.Empty).GetHashCode(StringComparison.Ordinal);

    /// <inheritdoc/>
    public override string ToString() => Value ?? string.Empty;

    /// <summary>Version equality.</summary>
    public static bool operator ==(CloudTrailEventVersion left, CloudTrailEventVersion right) => left.Equals(right);

    /// <summary>Version inequality.</summary>
    public static bool operator !=(CloudTrailEventVersion left, CloudTrailEventVersion right) => !left.Equals(right);

    /// <summary>Older than.</summary>
    public static bool operator <(CloudTrailEventVersion left, CloudTrailEventVersion right) => left.CompareTo(right) < 0;

    /// <summary>Newer than.</summary>
    public static bool operator >(CloudTrailEventVersion left, CloudTrailEventVersion right) => left.CompareTo(right) > 0;

    /// <summary>Older than or the same.</summary>
    public static bool operator <=(CloudTrailEventVersion left, CloudTrailEventVersion right) => left.CompareTo(right) <= 0;

    /// <summary>Newer than or the same.</summary>
    public static bool operator >=(CloudTrailEventVersion left, CloudTrailEventVersion right) => left.CompareTo(right) >= 0;

    /// <summary>Wraps a version string.</summary>
    public static implicit operator CloudTrailEventVersion(string value) => new(value);
}
