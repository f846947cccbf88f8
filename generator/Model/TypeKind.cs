namespace GlacierTrail.Gen.Model;

/// <summary>What a JSON value becomes in C#.</summary>
internal enum TypeKind
{
    String,
    DateTime,
    Integer,
    Number,
    Boolean,

    /// <summary>Any JSON, kept verbatim (<c>GlacierTrail.RawJson</c>).</summary>
    Raw,

    /// <summary>A generated class, by name.</summary>
    Object,

    /// <summary>A generated string-backed value type, by name.</summary>
    Enum,
    Array,
    Map,

    /// <summary>A <c>$ref</c> into another file, resolved once every file is parsed.</summary>
    External,
}
