using System;
using System.Buffers;
using System.Collections.Generic;
using GlacierTrail.Parquet.Columns;

namespace GlacierTrail.Parquet.Dataset;

/// <summary>
/// Records not yet written, as JSON text, grouped by partition: the first stage of the export's
/// sort. They are kept in large shared chunks (a record never straddles two), so the memory they
/// take is counted exactly and a record costs its bytes and one reference, not an object graph.
/// </summary>
internal sealed class PendingRecords
{
    private readonly List<byte[]> _chunks = new();
    private readonly Dictionary<Partition, List<RecordRef>> _byPartition = new();
    private readonly JsonScratch _scratch = new();
    private readonly int _chunkBytes;
    private int _used;

    /// <param name="bound">The bytes the records may take before they are sorted out: chunks are a small share of it.</param>
    public PendingRecords(long bound)
    {
        _chunkBytes = (int)Math.Clamp(bound / 16, 4096, 1 << 20);
        _used = _chunkBytes;
    }

    /// <summary>Bytes held: the chunks and the references.</summary>
    public long Bytes { get; private set; }

    /// <summary>The partitions that hold records.</summary>
    public IEnumerable<Partition> Partitions => _byPartition.Keys;

    /// <summary>Whether records of <paramref name="partition"/> are held.</summary>
    public bool Holds(Partition partition) => _byPartition.ContainsKey(partition);

    /// <summary>Bytes of the records held for <paramref name="partition"/>.</summary>
    public long BytesOf(Partition partition)
    {
        long bytes = 0;
        if (_byPartition.TryGetValue(partition, out var records))
        {
            foreach (var record in records)
            {
                bytes += record.Length;
            }
        }

        return bytes;
    }

    /// <summary>Keeps the event, written back as its JSON record, for its partition.</summary>
    public void Add(Partition partition, CloudTrailEvent evt)
    {
        evt.WriteTo(_scratch.Start());
        var json = _scratch.Written;

        if (_used + json.Length > _chunkBytes)
        {
            // A record larger than a chunk gets a chunk of its own size.
            _chunks.Add(ArrayPool<byte>.Shared.Rent(Math.Max(_chunkBytes, json.Length)));
            Bytes += _chunks[^1].Length;
            _used = 0;
        }

        json.CopyTo(_chunks[^1].AsSpan(_used));
        if (!_byPartition.TryGetValue(partition, out var records))
        {
            records = new List<RecordRef>();
            _byPartition.Add(partition, records);
        }

        int capacity = records.Capacity;
        records.Add(new RecordRef(_chunks.Count - 1, _used, json.Length));
        Bytes += (records.Capacity - capacity) * (long)RecordRef.Size;
        _used += json.Length;
    }

    /// <summary>The records held for <paramref name="partition"/>, in the order they came.</summary>
    public IEnumerable<ReadOnlyMemory<byte>> RecordsOf(Partition partition)
    {
        if (_byPartition.TryGetValue(partition, out var records))
        {
            foreach (var record in records)
            {
                yield return _chunks[record.Chunk].AsMemory(record.Offset, record.Length);
            }
        }
    }

    /// <summary>Forgets every record and gives the chunks back.</summary>
    public void Clear()
    {
        foreach (byte[] chunk in _chunks)
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        _chunks.Clear();
        _byPartition.Clear();
        _used = _chunkBytes;
        Bytes = 0;
    }

    private readonly record struct RecordRef(int Chunk, int Offset, int Length)
    {
        public const int Size = 12;
    }
}
