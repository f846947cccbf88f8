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
    private T[] _values = [];

    public LeafColumnOf(DataField field)
        : base(field)
    {
    }

    public void Add(T value, int definition, int repetition)
    {
        AddLevels(definition, repetition);
        int count = Values;
        if (count == _values.Length)
        {
            Array.Resize(ref _values, Grow(count));
        }

        _values[count] = value;
        Values = count + 1;
    }

    protected override Task WriteValuesAsync(ParquetRowGroupWriter rowGroup, ReadOnlyMemory<int> definitions, ReadOnlyMemory<int>? repetitions, CancellationToken cancellationToken) =>
        rowGroup.WriteAllPartsAsync(Field, new ReadOnlyMemory<T>(_values, 0, Values), definitions, repetitions, cancellationToken);

    protected override long ValueBytes => (long)_values.Length * Unsafe.SizeOf<T>();

    protected override void ClearValues()
    {
        // Text points into the row group's character chunks: drop the references with them.
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            Array.Clear(_values, 0, Values);
        }
    }

    protected override void ReleaseValues() => _values = [];
}
