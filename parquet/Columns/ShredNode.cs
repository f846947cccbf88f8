using GlacierTrail.Export;

namespace GlacierTrail.Parquet.Columns;

/// <summary>
/// One column of a table's schema with the levels a value in it is written at. A struct cut at a
/// cycle (or with no members) is a <see cref="ColumnType.Json"/> leaf.
/// </summary>
internal sealed class ShredNode
{
    public ShredNode(string path, ColumnType type, int definition, int repetition)
    {
        Path = path;
        Type = type;
        Definition = definition;
        Repetition = repetition;
    }

    /// <summary>The column's dotted path, for messages.</summary>
    public string Path { get; }

    public ColumnType Type { get; }

    /// <summary>The definition level of a present (non-null) value.</summary>
    public int Definition { get; }

    /// <summary>For a list or map, the repetition level of its items; otherwise that of the enclosing list.</summary>
    public int Repetition { get; }

    public ShredNode[] Children { get; set; } = [];

    /// <summary>The element of a list, the value of a map.</summary>
    public ShredNode? Element { get; set; }

    /// <summary>A leaf's column index; a map's key column index.</summary>
    public int Leaf { get; set; } = -1;

    /// <summary>The leaves under this node: [<see cref="FirstLeaf"/>, <see cref="EndLeaf"/>).</summary>
    public int FirstLeaf { get; set; }

    public int EndLeaf { get; set; }

    public override string ToString() => Path + ": " + Type;
}
