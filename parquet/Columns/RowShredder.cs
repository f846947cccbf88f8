using System;
using System.Text.Json;
using GlacierTrail.Export;

namespace GlacierTrail.Parquet.Columns;

/// <summary>
/// Takes rows value by value (<see cref="IColumnWriter"/>) and stripes them into leaf columns
/// with definition and repetition levels, the way Parquet stores nested data.
/// </summary>
/// <remarks>
/// A stack of frames tracks where the next value goes: a struct's next member, a list's next
/// element, a map's next value. A null or an empty list fills every leaf below it with one level.
/// The first value of each leaf inside a list item repeats at the list's level; inside the
/// first item it takes the level of the enclosing context.
/// </remarks>
internal sealed class RowShredder : IColumnWriter
{
    private readonly TableSchema _schema;
    private readonly JsonScratch _scratch;
    private readonly CharArena _text = new();
    private Frame[] _frames = new Frame[16];
    private int _depth;

    public RowShredder(TableSchema schema, JsonScratch scratch)
    {
        _schema = schema;
        _scratch = scratch;
        Leaves = schema.CreateLeaves();
    }

    public LeafColumn[] Leaves { get; }

    /// <summary>Rows written since the last <see cref="Clear"/>.</summary>
    public int Rows { get; private set; }

    /// <summary>
    /// The bytes this table's buffers take, roughly: what they can hold, not only what they hold,
    /// since cleared buffers are kept for the next row group; and a fixed part per leaf.
    /// </summary>
    public long RetainedBytes
    {
        get
        {
            long total = _text.RetainedBytes;
            foreach (var leaf in Leaves)
            {
                total += leaf.RetainedBytes;
            }

            return total;
        }
    }

    /// <summary>The bytes <see cref="RetainedBytes"/> comes to once <see cref="Release"/> has given every buffer back.</summary>
    public long ReleasedBytes => Leaves.Length * LeafColumn.FixedBytes;

    /// <summary>Set when a row failed halfway: its values are in some leaves and not others, so nothing more may be written.</summary>
    public bool Faulted { get; private set; }

    public void BeginRow()
    {
        if (Faulted)
        {
            throw new InvalidOperationException($"A row of table '{_schema.Name}' failed halfway; the table's buffers cannot be written.");
        }

        _depth = 0;
        _frames[0] = new Frame(_schema.Root, 0);
    }

    public void EndRow()
    {
        ref var root = ref _frames[0];
        if (_depth != 0 || root.Index != root.Node.Children.Length)
        {
            throw new InvalidOperationException($"A row of table '{_schema.Name}' ended with {root.Index} of {root.Node.Children.Length} columns written.");
        }

        Rows++;
    }

    public void Fault() => Faulted = true;

    public void Clear()
    {
        foreach (var leaf in Leaves)
        {
            leaf.Clear();
        }

        _text.Reset();
        Rows = 0;
    }

    /// <summary>Clears and gives back every buffer (the partition's file is complete).</summary>
    public void Release()
    {
        foreach (var leaf in Leaves)
        {
            leaf.Release();
        }

        _text.Release();
        Rows = 0;
    }

    public void WriteNull() => Null(Target());

    public void WriteString(string? value)
    {
        var node = Target();
        if (value is null)
        {
            Null(node);
            return;
        }

        Text(node, _text.Copy(value));
    }

    public void WriteInt64(long? value) => Value(value, ColumnType.Int64);

    public void WriteDouble(double? value) => Value(value, ColumnType.Double);

    public void WriteBoolean(bool? value) => Value(value, ColumnType.Boolean);

    public void WriteTimestamp(DateTimeOffset? value) => Value(value?.UtcDateTime, ColumnType.Timestamp);

    public void WriteJson(RawJson? value)
    {
        if (value is not { } json || json.ValueKind == JsonValueKind.Null)
        {
            WriteNull();
            return;
        }

        WriteJson(json.Utf8.Span);
    }

    public void WriteJson(ReadOnlySpan<byte> utf8Json) => Text(Target(), _text.Decode(utf8Json));

    /// <summary>The record of the row being written, as JSON text the event writes back to; empty when there is none.</summary>
    public ReadOnlyMemory<byte> HeldRecord { get; set; }

    public bool TryWriteHeldRecord()
    {
        if (HeldRecord.IsEmpty)
        {
            return false;
        }

        WriteJson(HeldRecord.Span);
        return true;
    }

    public void WriteObject(IColumnObject? value)
    {
        var node = Target();
        if (value is null)
        {
            Null(node);
            return;
        }

        if (node.Type == ColumnType.Json)
        {
            value.WriteTo(_scratch.Start());
            Text(node, _text.Decode(_scratch.Written));
            return;
        }

        Expect(node, ColumnType.Struct);
        Push(new Frame(node, _frames[_depth].Repetition));
        value.WriteColumns(this);
        ref var frame = ref _frames[_depth];
        if (frame.Index != node.Children.Length)
        {
            throw new InvalidOperationException($"The struct '{node.Path}' got {frame.Index} of its {node.Children.Length} members.");
        }

        _depth--;
        Advance();
    }

    public void BeginList() => Push(new Frame(Expect(Target(), ColumnType.List), _frames[_depth].Repetition));

    public void EndList() => EndItems(ColumnType.List);

    public void BeginMap() => Push(new Frame(Expect(Target(), ColumnType.Map), _frames[_depth].Repetition) { ExpectKey = true });

    public void WriteMapKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        ref var frame = ref _frames[_depth];
        if (frame.Node.Type != ColumnType.Map || !frame.ExpectKey)
        {
            throw new InvalidOperationException($"A map key was written where '{frame.Node.Path}' expects a value.");
        }

        var leaf = (LeafColumnOf<ReadOnlyMemory<char>>)Leaves[frame.Node.Leaf];
        leaf.Add(_text.Copy(key), frame.Node.Definition + 1, frame.Repetition);
        frame.ExpectKey = false;
    }

    public void EndMap() => EndItems(ColumnType.Map);

    private void EndItems(ColumnType type)
    {
        ref var frame = ref _frames[_depth];
        if (frame.Node.Type != type || (type == ColumnType.Map && !frame.ExpectKey))
        {
            throw new InvalidOperationException($"End of a {type} where '{frame.Node.Path}' expects more.");
        }

        if (frame.Items == 0)
        {
            // Present and empty: every leaf below gets the level of the list itself.
            Fill(frame.Node, frame.Node.Definition, frame.Repetition);
        }

        _depth--;
        Advance();
    }

    private void Value<T>(T? value, ColumnType type)
        where T : struct
    {
        var node = Target();
        if (value is not { } present)
        {
            Null(node);
            return;
        }

        Expect(node, type);
        ((LeafColumnOf<T>)Leaves[node.Leaf]).Add(present, node.Definition, _frames[_depth].Repetition);
        Advance();
    }

    private void Text(ShredNode node, ReadOnlyMemory<char> text)
    {
        if (node.Type is not (ColumnType.String or ColumnType.Json))
        {
            Expect(node, ColumnType.String);
        }

        ((LeafColumnOf<ReadOnlyMemory<char>>)Leaves[node.Leaf]).Add(text, node.Definition, _frames[_depth].Repetition);
        Advance();
    }

    private void Null(ShredNode node)
    {
        Fill(node, node.Definition - 1, _frames[_depth].Repetition);
        Advance();
    }

    private void Fill(ShredNode node, int definition, int repetition)
    {
        for (int i = node.FirstLeaf; i < node.EndLeaf; i++)
        {
            Leaves[i].AddNull(definition, repetition);
        }
    }

    private ShredNode Target()
    {
        ref var frame = ref _frames[_depth];
        var node = frame.Node;
        switch (node.Type)
        {
            case ColumnType.List:
                return node.Element!;
            case ColumnType.Map:
                if (frame.ExpectKey)
                {
                    throw new InvalidOperationException($"A value of the map '{node.Path}' was written without its key.");
                }

                return node.Element!;
            default:
                if (frame.Index >= node.Children.Length)
                {
                    throw new InvalidOperationException($"More values than the {node.Children.Length} columns of '{node.Path}'.");
                }

                return node.Children[frame.Index];
        }
    }

    private void Advance()
    {
        ref var frame = ref _frames[_depth];
        switch (frame.Node.Type)
        {
            case ColumnType.List:
                frame.Items++;
                frame.Repetition = frame.Node.Repetition;
                break;
            case ColumnType.Map:
                frame.Items++;
                frame.Repetition = frame.Node.Repetition;
                frame.ExpectKey = true;
                break;
            default:
                frame.Index++;
                break;
        }
    }

    private void Push(Frame frame)
    {
        if (++_depth == _frames.Length)
        {
            Array.Resize(ref _frames, _frames.Length * 2);
        }

        _frames[_depth] = frame;
    }

    private static ShredNode Expect(ShredNode node, ColumnType type) =>
        node.Type == type ? node : throw new InvalidOperationException($"The column '{node.Path}' is {node.Type}; a {type} value was written to it.");

    private struct Frame
    {
        public Frame(ShredNode node, int repetition)
        {
            Node = node;
            Repetition = repetition;
        }

        public ShredNode Node;

        // The repetition level of the next value written in this frame's context.
        public int Repetition;
        public int Index;
        public int Items;
        public bool ExpectKey;
    }
}
