using System;

namespace GlacierTrail;

/// <summary>A JSON member kept verbatim: its name and its value as read.</summary>
public readonly struct RawJsonProperty : IEquatable<RawJsonProperty>
{
    /// <summary>Creates a member.</summary>
    public RawJsonProperty(string name, RawJson value)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
        Value = value;
    }

    /// <summary>The member's name, unescaped.</summary>
    public string Name { get; }

    /// <summary>The member's value, exactly as read.</summary>
    public RawJson Value { get; }

    /// <inheritdoc/>
    public bool Equals(RawJsonProperty other) => string.Equals(Name, other.Name, StringComparison.Ordinal) && Value.Equals(other.Value);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is RawJsonProperty other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Name, Value);

    /// <inheritdoc/>
    public override string ToString() => $"\"{Name}\": {Value}";

    /// <summary>Equality of name and value.</summary>
    public static bool operator ==(RawJsonProperty left, RawJsonProperty right) => left.Equals(right);

    /// <summary>Inequality of name or value.</summary>
    public static bool operator !=(RawJsonProperty left, RawJsonProperty right) => !left.Equals(right);
}
