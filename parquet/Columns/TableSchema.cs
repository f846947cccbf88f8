using System;
using System.Collections.Generic;
using GlacierTrail.Export;
using Parquet.Schema;

namespace GlacierTrail.Parquet.Columns;

/// <summary>
/// A table's columns as a Parquet schema and as a tree of nodes with the definition and
/// repetition levels the shredder writes at. Every column is optional; a list is Parquet's
/// three-level LIST, a map its MAP with required string keys; timestamps are INT64 microseconds
/// adjusted to UTC (never INT96).
/// </summary>
internal sealed class TableSchema
{
    private readonly List<DataField> _leaves = new();
    private readonly List<ColumnType> _leafTypes = new();
    private readonly List<ShredNode> _leafNodes = new();

    public TableSchema(string name, IReadOnlyList<ColumnField> columns)
    {
        Name = name;
        var shapes = new HashSet<ColumnShape>(ReferenceEqualityComparer.Instance);
        var fields = new Field[columns.Count];
        var root = new ShredNode(name, ColumnType.Struct, 0, 0);
        var children = new ShredNode[columns.Count];
        for (int i = 0; i < columns.Count; i++)
        {
            (fields[i], children[i]) = Build(columns[i], columns[i].Name, 1, 0, shapes);
        }

        root.Children = children;
        root.EndLeaf = _leaves.Count;
        Root = root;
        Parquet = new ParquetSchema(fields);
        Check();
    }

    public string Name { get; }

    public ParquetSchema Parquet { get; }

    public ShredNode Root { get; }

    public int LeafCount => _leaves.Count;

    /// <summary>New, empty buffers for every leaf, in schema order.</summary>
    public LeafColumn[] CreateLeaves()
    {
        var leaves = new LeafColumn[_leaves.Count];
        for (int i = 0; i < leaves.Length; i++)
        {
            leaves[i] = _leafTypes[i] switch
            {
                ColumnType.Int64 => new LeafColumnOf<long>(_leaves[i]),
                ColumnType.Double => new LeafColumnOf<double>(_leaves[i]),
                ColumnType.Boolean => new LeafColumnOf<bool>(_leaves[i]),
                ColumnType.Timestamp => new LeafColumnOf<DateTime>(_leaves[i]),
                _ => new LeafColumnOf<ReadOnlyMemory<char>>(_leaves[i]),
            };
        }

        return leaves;
    }

    private (Field Field, ShredNode Node) Build(ColumnField column, string path, int definition, int repetition, HashSet<ColumnShape> shapes)
    {
        switch (column.Type)
        {
            case ColumnType.Struct:
                var shape = column.Shape!;

                // A columnar schema cannot hold a type inside itself, nor an empty group: such a
                // struct is written as JSON text instead.
                if (shape.Fields.Count == 0 || !shapes.Add(shape))
                {
                    return Leaf(ColumnField.Json(column.Name), path, definition, repetition);
                }

                var node = new ShredNode(path, ColumnType.Struct, definition, repetition) { FirstLeaf = _leaves.Count };
                var fields = new Field[shape.Fields.Count];
                var children = new ShredNode[fields.Length];
                for (int i = 0; i < fields.Length; i++)
                {
                    var member = shape.Fields[i];
                    (fields[i], children[i]) = Build(member, path + "." + member.Name, definition + 1, repetition, shapes);
                }

                shapes.Remove(shape);
                node.Children = children;
                node.EndLeaf = _leaves.Count;
                return (new StructField(column.Name, fields), node);
            case ColumnType.List:
                {
                    // optional group (LIST) { repeated group list { optional element } }
                    var list = new ShredNode(path, ColumnType.List, definition, repetition + 1) { FirstLeaf = _leaves.Count };
                    var (item, element) = Build(column.Element!, path + "[]", definition + 2, repetition + 1, shapes);
                    list.Element = element;
                    list.EndLeaf = _leaves.Count;
                    return (new ListField(column.Name, item), list);
                }

            case ColumnType.Map:
                {
                    // optional group (MAP) { repeated group key_value { required key; optional value } }
                    var map = new ShredNode(path, ColumnType.Map, definition, repetition + 1) { FirstLeaf = _leaves.Count };
                    var key = new DataField<string>("key", false);
                    map.Leaf = AddLeaf(key, ColumnType.String, map);
                    var (value, element) = Build(column.Element!.WithName("value"), path + "{}", definition + 2, repetition + 1, shapes);
                    map.Element = element;
                    map.EndLeaf = _leaves.Count;
                    return (new MapField(column.Name, key, value), map);
                }

            default:
                return Leaf(column, path, definition, repetition);
        }
    }

    private (Field Field, ShredNode Node) Leaf(ColumnField column, string path, int definition, int repetition)
    {
        DataField field = column.Type switch
        {
            ColumnType.Int64 => new DataField<long>(column.Name, true),
            ColumnType.Double => new DataField<double>(column.Name, true),
            ColumnType.Boolean => new DataField<bool>(column.Name, true),
            ColumnType.Timestamp => new DateTimeDataField(column.Name, DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Micros, isNullable: true),
            _ => new DataField<string>(column.Name, true),
        };
        var node = new ShredNode(path, column.Type, definition, repetition);
        node.Leaf = AddLeaf(field, column.Type, node);
        node.FirstLeaf = node.Leaf;
        node.EndLeaf = node.Leaf + 1;
        return (field, node);
    }

    private int AddLeaf(DataField field, ColumnType type, ShredNode node)
    {
        _leaves.Add(field);
        _leafTypes.Add(type);
        _leafNodes.Add(node);
        return _leaves.Count - 1;
    }

    // The levels the shredder writes at must be the ones Parquet.Net derived from the schema;
    // a difference would write a file no reader can take apart.
    private void Check()
    {
        var dataFields = Parquet.GetDataFields();
        if (dataFields.Length != _leaves.Count)
        {
            throw new InvalidOperationException($"The table '{Name}' has {_leaves.Count} leaf columns, but its Parquet schema {dataFields.Length}.");
        }

        for (int i = 0; i < dataFields.Length; i++)
        {
            var node = _leafNodes[i];
            bool isKey = node.Type == ColumnType.Map;
            int definition = isKey ? node.Definition + 1 : node.Definition;
            int repetition = node.Repetition;
            if (!ReferenceEquals(dataFields[i], _leaves[i]) || dataFields[i].MaxDefinitionLevel != definition || dataFields[i].MaxRepetitionLevel != repetition)
            {
                throw new InvalidOperationException($"The column '{node.Path}' of table '{Name}' has levels {definition}/{repetition}, but Parquet {dataFields[i].MaxDefinitionLevel}/{dataFields[i].MaxRepetitionLevel}.");
            }
        }
    }
}
