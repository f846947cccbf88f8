using System;

namespace GlacierTrail.Export;

/// <summary>
/// One column of an export table, or one member of a struct column, or the element of a list or
/// map column. Every column may hold null: a delivered event may lack any member.
/// </summary>
public sealed class ColumnField
{
    private ColumnField(string name, ColumnType type, ColumnShape? shape, ColumnField? element)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        Type = type;
        Shape = shape;
        Element = element;
    }

    /// <summary>The column's name: the JSON member's name in lowercase, as AWS's CloudTrail table for Athena names its columns.</summary>
    public string Name { get; }

    /// <summary>The column's type.</summary>
    public ColumnType Type { get; }

    /// <summary>The members of a <see cref="ColumnType.Struct"/> column; null for other types.</summary>
    public ColumnShape? Shape { get; }

    /// <summary>The element of a <see cref="ColumnType.List"/> or the value of a <see cref="ColumnType.Map"/> column; null for other types.</summary>
    public ColumnField? Element { get; }

    /// <summary>A string column.</summary>
    public static ColumnField String(string name) => new(name, ColumnType.String, null, null);

    /// <summary>A 64-bit integer column.</summary>
    public static ColumnField Int64(string name) => new(name, ColumnType.Int64, null, null);

    /// <summary>A 64-bit float column.</summary>
    public static ColumnField Double(string name) => new(name, ColumnType.Double, null, null);

    /// <summary>A boolean column.</summary>
    public static ColumnField Boolean(string name) => new(name, ColumnType.Boolean, null, null);

    /// <summary>A UTC timestamp column.</summary>
    public static ColumnField Timestamp(string name) => new(name, ColumnType.Timestamp, null, null);

    /// <summary>A column of JSON text.</summary>
    public static ColumnField Json(string name) => new(name, ColumnType.Json, null, null);

    /// <summary>A struct column with the members of <paramref name="shape"/>.</summary>
    public static ColumnField Struct(string name, ColumnShape shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        return new(name, ColumnType.Struct, shape, null);
    }

    /// <summary>A list column; the element is conventionally named <c>element</c>.</summary>
    public static ColumnField List(string name, ColumnField element)
    {
        ArgumentNullException.ThrowIfNull(element);
        return new(name, ColumnType.List, null, element);
    }

    /// <summary>A map column with string keys; the value is conventionally named <c>value</c>.</summary>
    public static ColumnField Map(string name, ColumnField value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(name, ColumnType.Map, null, value);
    }

    /// <summary>The same column under another name.</summary>
    public ColumnField WithName(string name) => new(name, Type, Shape, Element);

    /// <inheritdoc/>
    public override string ToString() => Name + ": " + Type;
}
