using System;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Parquet;
using Parquet.Schema;

namespace GlacierTrail.Parquet.Columns;

/// <summary>A leaf column of one value type (strings are <see cref="ReadOnlyMemory{T}"/> of chars, as Parquet.Net takes them).</summary>
internal sealed class LeafColumnOf<T> : LeafColumn
    where T : struct
{
    private T[] _values = new T[64];

    public LeafColumnOf(DataField field)
        : base(field)
    {
    }

    public void Add(T value, int definition, int repetition, int bytes)
    {
        AddLevels(definition, repetition);
        if (Values == _values.Length)
        {
            Array.Resize(ref _values, Values * 2);
        }

        _values[Values++] = value;
        EstimatedBytes += 8 + bytes;
    }

    protected override Task WriteValuesAsync(ParquetRowGroupWriter rowGroup, ReadOnlyMemory<int> definitions, ReadOnlyMemory<int>? repetitions, CancellationToken cancellationToken) =>
        rowGroup.WriteAllPartsAsync(Field, new ReadOnlyMemory<T>(_values, 0, Values), definitions, repetitions, cancellationToken);

    protected override void ClearValues()
    {
        // Strings hold references: drop them so a flushed row group's text can be collected.
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            Array.Clear(_values);
        }
    }
}
