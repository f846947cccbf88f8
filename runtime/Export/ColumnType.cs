namespace GlacierTrail.Export;

/// <summary>The type of a column in an export table; each maps to one Parquet (or Arrow, ORC, ...) type.</summary>
public enum ColumnType
{
    /// <summary>UTF-8 text.</summary>
    String,

    /// <summary>A 64-bit signed integer (a schema's <c>integer</c>).</summary>
    Int64,

    /// <summary>A 64-bit float (a schema's <c>number</c>).</summary>
    Double,

    /// <summary>A boolean.</summary>
    Boolean,

    /// <summary>An instant, adjusted to UTC, in microseconds (a schema's <c>date-time</c> string).</summary>
    Timestamp,

    /// <summary>
    /// JSON text in a string column: a value no schema describes, a payload kept whole, or an
    /// object nested inside itself (a columnar schema cannot recurse).
    /// </summary>
    Json,

    /// <summary>A struct: the members of an object, in <see cref="ColumnField.Shape"/>.</summary>
    Struct,

    /// <summary>A list of <see cref="ColumnField.Element"/>.</summary>
    List,

    /// <summary>A map from string keys to <see cref="ColumnField.Element"/>.</summary>
    Map,
}
