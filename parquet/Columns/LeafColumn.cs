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
internal abstract class LeafColumn
{
    private int[] _definitions = new int[64];
    private int[] _repetitions = new int[64];
    private int _markLevels;
    private int _markValues;

    protected LeafColumn(DataField field) => Field = field;

    public DataField Field { get; }

    /// <summary>Levels written (one per value or null).</summary>
    public int Levels { get; private set; }

    /// <summary>Values written (not counting nulls).</summary>
    public int Values { get; protected set; }

    /// <summary>A rough size of what is buffered, for row group and memory bounds.</summary>
    public long EstimatedBytes { get; protected set; }

    public void AddNull(int definition, int repetition)
    {
        AddLevels(definition, repetition);
        EstimatedBytes += 8;
    }

    /// <summary>Remembers where the current row starts, so a row that fails halfway can be taken back.</summary>
    public void Mark()
    {
        _markLevels = Levels;
        _markValues = Values;
    }

    public void Rollback()
    {
        Levels = _markLevels;
        Values = _markValues;
    }

    public void Clear()
    {
        Levels = 0;
        Values = 0;
        EstimatedBytes = 0;
        ClearValues();
    }

    public Task WriteAsync(ParquetRowGroupWriter rowGroup, CancellationToken cancellationToken)
    {
        var definitions = new ReadOnlyMemory<int>(_definitions, 0, Levels);
        ReadOnlyMemory<int>? repetitions = Field.MaxRepetitionLevel > 0 ? new ReadOnlyMemory<int>(_repetitions, 0, Levels) : null;
        return WriteValuesAsync(rowGroup, definitions, repetitions, cancellationToken);
    }

    protected abstract Task WriteValuesAsync(ParquetRowGroupWriter rowGroup, ReadOnlyMemory<int> definitions, ReadOnlyMemory<int>? repetitions, CancellationToken cancellationToken);

    protected abstract void ClearValues();

    protected void AddLevels(int definition, int repetition)
    {
        if (Levels == _definitions.Length)
        {
            Array.Resize(ref _definitions, Levels * 2);
            Array.Resize(ref _repetitions, Levels * 2);
        }

        _definitions[Levels] = definition;
        _repetitions[Levels] = repetition;
        Levels++;
    }
}
