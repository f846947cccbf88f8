namespace GlacierTrail.Metadata;

/// <summary>One member of a payload or of an object in it: its JSON and C# names, whether the schema requires it, and its type.</summary>
public sealed class CloudTrailMemberMetadata
{
    /// <summary>Creates a member's metadata (generated code does this once per member).</summary>
    /// <param name="jsonName">The JSON key, exactly.</param>
    /// <param name="csharpName">The C# property that holds the value.</param>
    /// <param name="type">The value's type.</param>
    /// <param name="isRequired">Listed in the schema's <c>required</c>.</param>
    /// <param name="isNullable">Not required, or the schema's type includes null.</param>
    public CloudTrailMemberMetadata(string jsonName, string csharpName, CloudTrailTypeMetadata type, bool isRequired, bool isNullable)
    {
        JsonName = jsonName;
        CSharpName = csharpName;
        Type = type;
        IsRequired = isRequired;
        IsNullable = isNullable;
    }

    /// <summary>The JSON key, exactly.</summary>
    public string JsonName { get; }

    /// <summary>The C# property that holds the value.</summary>
    public string CSharpName { get; }

    /// <summary>The value's type.</summary>
    public CloudTrailTypeMetadata Type { get; }

    /// <summary>What the value is (the kind of <see cref="Type"/>).</summary>
    public CloudTrailMemberType Kind => Type.Kind;

    /// <summary>
    /// Listed in the schema's <c>required</c>: what CloudTrail is expected to write. A record that
    /// lacks it is still read, with a problem.
    /// </summary>
    public bool IsRequired { get; }

    /// <summary>Not required, or the schema's type includes null: the C# property may be null.</summary>
    public bool IsNullable { get; }

    /// <inheritdoc/>
    public override string ToString() => JsonName + ": " + Type;
}
