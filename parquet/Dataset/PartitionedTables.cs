using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using GlacierTrail.Export;
using GlacierTrail.Parquet.Columns;
using GlacierTrail.Serialization;
using Parquet;

namespace GlacierTrail.Parquet.Dataset;

/// <summary>
/// Turns JSON records of a partition into rows of the <c>cloudtrail</c> table and of their typed
/// tables: a <see cref="PartitionWriter"/> per table and partition, their row buffers under one
/// bound and their open files under another. Not thread-safe: the dataset writer has one per
/// worker, and a partition is always written by the same one.
/// </summary>
internal sealed class PartitionedTables
{
    // Records read back were written by this process from delivered events: no limit of the
    // original read applies again.
    private static readonly CloudTrailReaderOptions ReadBack = new() { MaxRecordBytes = int.MaxValue, MaxStringBytes = int.MaxValue, MaxDepth = 1024 };

    private readonly string _root;
    private readonly ICloudTrailEventFactory _factory;
    private readonly ParquetExportOptions _options;
    private readonly ParquetOptions _parquetOptions;
    private readonly long _bound;
    private readonly int _maxOpenFiles;
    private readonly TableSchema _cloudTrail;
    private readonly Dictionary<CloudTrailEventKey, (ExportTable Table, TableSchema Schema)> _typed = new();
    private readonly Dictionary<TablePartition, PartitionWriter> _partitions = new();
    private readonly Dictionary<TablePartition, int> _setAside = new();
    private readonly Dictionary<string, (RowShredder Rows, long Bytes)> _spares = new(StringComparer.Ordinal);
    private readonly JsonScratch _scratch = new();
    private long _buffered;
    private long _clock;

    /// <param name="root">The dataset's folder.</param>
    /// <param name="factory">Reads the records back into events.</param>
    /// <param name="tables">The typed tables and their folder names.</param>
    /// <param name="options">Row group, file and buffer bounds, and the run id.</param>
    /// <param name="share">This set's share of the buffer bound (1 for one set alone); the open-file bound is per set.</param>
    public PartitionedTables(string root, ICloudTrailEventFactory factory, IReadOnlyList<(ExportTable Table, string Name)> tables, ParquetExportOptions options, int share)
    {
        _root = root;
        _factory = factory;
        _options = options;
        _parquetOptions = new ParquetOptions { CompressionMethod = options.Compression };
        _bound = Math.Max(1, options.MaxBufferedBytes / share);
        _maxOpenFiles = options.MaxOpenFiles;

        // Each set builds its own schemas: Parquet.Net's are not documented as safe to share
        // between writers on different threads.
        _cloudTrail = new TableSchema(CloudTrailColumns.TableName, CloudTrailColumns.Columns);
        foreach (var (table, name) in tables)
        {
            _typed[table.Key] = (table, new TableSchema(name, table.Columns));
        }
    }

    /// <summary>Rows written per table.</summary>
    public Dictionary<string, long> Rows { get; } = new(StringComparer.Ordinal);

    /// <summary>Files completed, in the order they were.</summary>
    public List<string> Files { get; } = new();

    public int RowGroups { get; private set; }

    /// <summary>Reads each record back into its event (lossless: the record was written from it) and writes its rows.</summary>
    public async Task WriteAsync(Partition partition, IEnumerable<ReadOnlyMemory<byte>> records, CancellationToken cancellationToken)
    {
        foreach (var record in records)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var evt = CloudTrailRecordParser.Parse(record.Span, _factory, ReadBack);
            await WriteRowAsync(_cloudTrail, null, partition, evt, default, cancellationToken).ConfigureAwait(false);
            if (_typed.TryGetValue(new CloudTrailEventKey(evt.EventSource, evt.EventName), out var typed))
            {
                // The record just read is the typed row's rawrecord as it is: no need to write the event back again.
                await WriteRowAsync(typed.Schema, typed.Table, partition, evt, record, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The partition's tables write what they buffer as row groups and give their buffers back, keeping their files open.</summary>
    public async Task FlushAsync(Partition partition, CancellationToken cancellationToken)
    {
        foreach (var (key, writer) in _partitions)
        {
            if (key.Partition == partition)
            {
                await FlushAsync(writer, release: true, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Every row of the partition is written, as far as is known: its files are completed and its writers let go.</summary>
    public async Task CompleteAsync(Partition partition, CancellationToken cancellationToken)
    {
        List<(TablePartition, PartitionWriter)>? done = null;
        foreach (var (key, writer) in _partitions)
        {
            if (key.Partition == partition)
            {
                await FlushAsync(writer, release: false, cancellationToken).ConfigureAwait(false);
                AddFile(await writer.CloseAsync().ConfigureAwait(false));
                (done ??= new()).Add((key, writer));
            }
        }

        foreach (var (key, writer) in done ?? [])
        {
            // Should more of its rows come after all, they go to its next file.
            _partitions.Remove(key);
            _setAside[key] = writer.NextFile;

            // The next partition of the same table takes these buffers as they grew, rather
            // than growing its own from nothing: partitions are written one after another.
            if (!writer.Rows.Faulted && _spares.TryAdd(key.Table, (writer.Rows, writer.Buffered)))
            {
                writer.Rows.Clear();
            }
            else
            {
                _buffered -= writer.Buffered;
            }
        }
    }

    /// <summary>Writes every buffered row and completes every file.</summary>
    public async Task CompleteAllAsync(CancellationToken cancellationToken)
    {
        foreach (var writer in _partitions.Values)
        {
            await FlushAsync(writer, release: false, cancellationToken).ConfigureAwait(false);
            AddFile(await writer.CloseAsync().ConfigureAwait(false));
        }

        _partitions.Clear();
        _setAside.Clear();
        _spares.Clear();
        _buffered = 0;
    }

    /// <summary>Drops the unfinished files.</summary>
    public async Task AbortAsync()
    {
        foreach (var writer in _partitions.Values)
        {
            await writer.AbortAsync().ConfigureAwait(false);
        }

        _partitions.Clear();
    }

    private async ValueTask WriteRowAsync(TableSchema schema, ExportTable? table, Partition where, CloudTrailEvent evt, ReadOnlyMemory<byte> record, CancellationToken cancellationToken)
    {
        var key = new TablePartition(schema.Name, where);
        if (!_partitions.TryGetValue(key, out var partition))
        {
            _setAside.Remove(key, out int firstFile);
            string directory = DatasetLayout.Directory(_root, schema.Name, where.Account, where.Region, where.Date);
            if (_spares.Remove(schema.Name, out var spare))
            {
                // Its bytes are counted already.
                partition = new PartitionWriter(schema, directory, _options, _parquetOptions, spare.Rows, firstFile) { Buffered = spare.Bytes };
            }
            else
            {
                partition = new PartitionWriter(schema, directory, _options, _parquetOptions, new RowShredder(schema, _scratch), firstFile);
            }

            _partitions.Add(key, partition);
        }

        var rows = partition.Rows;
        rows.BeginRow();
        rows.HeldRecord = record;
        try
        {
            if (table is null)
            {
                CloudTrailColumns.WriteRow(rows, evt);
            }
            else
            {
                table.WriteRow(rows, evt);
            }

            rows.EndRow();
        }
        catch
        {
            rows.Fault();
            throw;
        }
        finally
        {
            rows.HeldRecord = default;
        }

        partition.LastUse = ++_clock;
        Rows[schema.Name] = Rows.GetValueOrDefault(schema.Name) + 1;

        // Measured every row: a sum over the leaves, no more work than the row itself, and with
        // thousands of partitions growing their buffers, sampling every few rows misses most growth.
        Measure(partition);

        if (rows.Rows >= _options.RowGroupRows || partition.Buffered >= _options.RowGroupBytes)
        {
            await FlushAsync(partition, release: false, cancellationToken).ConfigureAwait(false);
        }

        if (_buffered > _bound)
        {
            await RelieveAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    // Over the bound: the partitions whose buffers take the most give them back (written out as
    // a row group first if they hold rows) until a quarter of the bound is free; one whose file
    // is complete is set aside whole, remembering only its next file number. So memory stays
    // bounded however many tables a partition has, and a pass sorts once, not per partition.
    private async Task RelieveAsync(CancellationToken cancellationToken)
    {
        // Spare buffers go first: they hold no rows.
        foreach (var (_, spare) in _spares)
        {
            _buffered -= spare.Bytes;
        }

        _spares.Clear();
        var candidates = new List<(long Gain, TablePartition Key, PartitionWriter Partition)>();
        foreach (var (key, partition) in _partitions)
        {
            long gain = partition.IsOpen ? partition.Buffered - partition.Floor : partition.Buffered;
            if (gain > 0)
            {
                candidates.Add((gain, key, partition));
            }
        }

        candidates.Sort((a, b) => b.Gain.CompareTo(a.Gain));
        long goal = _bound - (_bound / 4);
        foreach (var (_, key, partition) in candidates)
        {
            if (_buffered <= goal)
            {
                break;
            }

            if (partition.Rows.Rows > 0)
            {
                await FlushAsync(partition, release: true, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                partition.Rows.Release();
                Measure(partition);
            }

            if (!partition.IsOpen)
            {
                _partitions.Remove(key);
                _setAside[key] = partition.NextFile;
                _buffered -= partition.Buffered;
            }
        }
    }

    private void Measure(PartitionWriter partition)
    {
        long now = partition.Rows.RetainedBytes;
        _buffered += now - partition.Buffered;
        partition.Buffered = now;
    }

    private async Task FlushAsync(PartitionWriter partition, bool release, CancellationToken cancellationToken)
    {
        if (partition.Rows.Faulted)
        {
            throw new InvalidOperationException($"A row of table '{partition.Schema.Name}' failed halfway; its buffered rows cannot be written.");
        }

        if (partition.Rows.Rows == 0)
        {
            return;
        }

        if (!partition.IsOpen)
        {
            await CloseLeastRecentAsync().ConfigureAwait(false);
        }

        int before = partition.RowGroups;
        AddFile(await partition.FlushAsync(cancellationToken).ConfigureAwait(false));
        RowGroups += partition.RowGroups - before;
        if (release)
        {
            partition.Rows.Release();
        }

        Measure(partition);
    }

    // Keeps the open files under the bound by completing the one written to least recently.
    private async Task CloseLeastRecentAsync()
    {
        int open = 0;
        PartitionWriter? oldest = null;
        foreach (var partition in _partitions.Values)
        {
            if (partition.IsOpen)
            {
                open++;
                if (oldest is null || partition.LastUse < oldest.LastUse)
                {
                    oldest = partition;
                }
            }
        }

        if (open >= _maxOpenFiles && oldest is not null)
        {
            AddFile(await oldest.CloseAsync().ConfigureAwait(false));

            // Most partitions get no more rows once their file is complete: their buffers go
            // back, unless they hold rows.
            if (oldest.Rows.Rows == 0)
            {
                oldest.Rows.Release();
            }

            Measure(oldest);
        }
    }

    private void AddFile(string? file)
    {
        if (file is not null)
        {
            Files.Add(file);
        }
    }
}
