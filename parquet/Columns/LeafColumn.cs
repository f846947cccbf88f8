using System;
using System.Threading;
using System.Threading.Tasks;
using Parquet;
using Parquet.Schema;

namespace GlacierTrail.Parquet.Columns;

/// <summary>
/// The buffered values of one leaf column of a row group, with their definition and repetition
/// levels (Dremel striping, as Parquet stores nested data): nulls take a level and no value.
/// </summary>
/// <remarks>
/// Buffers start small and grow: a dataset may have thousands of partitions, each with a row
/// group of a few rows over a hundred leaves; <see cref="Release"/> gives them back once the
/// partition's file is complete.
/// </remarks>
internal abstract class LeafColumn
{
    private const int InitialCapacity = 8;
    private int[] _definitions = [];
    private int[] _repetitions = [];

    protected LeafColumn(DataField field) => Field = field;

    public DataField Field { get; }

    /// <summary>Levels written (one per value or null).</summary>
    public int Levels { get; private set; }

    /// <summary>Values written (not counting nulls).</summary>
    public int Values { get; protected set; }

    /// <summary>The bytes of the column object itself, with its buffers released.</summary>
    public const long FixedBytes = 96;

    /// <summary>The bytes the buffers take (their capacity), and the column object's own.</summary>
    public long RetainedBytes => FixedBytes + (_definitions.Length * 2L * sizeof(int)) + ValueBytes;

    public void AddNull(int definition, int repetition) => AddLevels(definition, repetition);

    public void Clear()
    {
        ClearValues();
        Levels = 0;
        Values = 0;
    }

    /// <summary>Drops the buffers (they are made again on the next value).</summary>
    public void Release()
    {
        Clear();
        _definitions = [];
        _repetitions = [];
        ReleaseValues();
    }

    public Task WriteAsync(ParquetRowGroupWriter rowGroup, CancellationToken cancellationToken)
    {
        var definitions = new ReadOnlyMemory<int>(_definitions, 0, Levels);
        ReadOnlyMemory<int>? repetitions = Field.MaxRepetitionLevel > 0 ? new ReadOnlyMemory<int>(_repetitions, 0, Levels) : null;
        return WriteValuesAsync(rowGroup, definitions, repetitions, cancellationToken);
    }

    protected abstract Task WriteValuesAsync(ParquetRowGroupWriter rowGroup, ReadOnlyMemory<int> definitions, ReadOnlyMemory<int>? repetitions, CancellationToken cancellationToken);

    /// <summary>The bytes the values' buffer takes.</summary>
    protected abstract long ValueBytes { get; }

    /// <summary>Clears the values written (called before <see cref="Values"/> is reset).</summary>
    protected abstract void ClearValues();

    protected abstract void ReleaseValues();

    protected void AddLevels(int definition, int repetition)
    {
        int levels = Levels;
        if (levels == _definitions.Length)
        {
            int capacity = Math.Max(InitialCapacity, levels * 2);
            Array.Resize(ref _definitions, capacity);
            Array.Resize(ref _repetitions, capacity);
        }

        _definitions[levels] = definition;
        _repetitions[levels] = repetition;
        Levels = levels + 1;
    }

    protected static int Grow(int length) => Math.Max(InitialCapacity, length * 2);
}
