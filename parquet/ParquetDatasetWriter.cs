using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using GlacierTrail.Export;
using GlacierTrail.Parquet.Columns;
using GlacierTrail.Parquet.Dataset;
using Parquet;

namespace GlacierTrail.Parquet;

/// <summary>
/// Writes events as a Hive-partitioned Parquet dataset that Athena, Spark and DuckDB read:
/// every event into <c>cloudtrail/</c> (the columns of AWS's CloudTrail table), and each event
/// of a type with a schema also into its typed table, <c>{eventname}/</c>, both under
/// <c>account=/region=/date=</c> partitions. Every event written is a row; nothing is
/// de-duplicated.
/// </summary>
/// <remarks>
/// Streaming: rows are buffered per table and partition as a row group, written out at the
/// row group bound, or when all buffers together pass <see cref="ParquetExportOptions.MaxBufferedBytes"/>
/// (then the largest are written out and given back, and partitions whose files are complete are
/// set aside until they get rows again);
/// files roll at <see cref="ParquetExportOptions.TargetFileBytes"/>. Call <see cref="CompleteAsync"/>
/// to write what is buffered and finish every file; disposing without it drops unfinished files.
/// </remarks>
public sealed class ParquetDatasetWriter : IAsyncDisposable
{
    private readonly string _root;
    private readonly ParquetExportOptions _options;
    private readonly ParquetOptions _parquetOptions;
    private readonly TableSchema _cloudTrail;
    private readonly Dictionary<CloudTrailEventKey, (ExportTable Table, TableSchema Schema)> _typed = new();
    private readonly Dictionary<PartitionKey, PartitionWriter> _partitions = new();
    private readonly Dictionary<PartitionKey, int> _setAside = new();
    private readonly JsonScratch _scratch = new();
    private readonly Dictionary<string, long> _rows = new(StringComparer.Ordinal);
    private readonly List<string> _files = new();
    private long _buffered;
    private long _clock;
    private int _rowGroups;
    private bool _completed;
    private DateOnly _lastDay;
    private string _lastDate = DatasetLayout.Unknown;

    /// <summary>Writes into <paramref name="directory"/> the <c>cloudtrail</c> table and the typed tables of <paramref name="tables"/>.</summary>
    /// <param name="directory">The dataset's root folder; created if missing.</param>
    /// <param name="tables">The typed tables, e.g. <c>GlacierTrailEvents.ExportTables</c>.</param>
    /// <param name="options">Bounds and file names; defaults when null.</param>
    public ParquetDatasetWriter(string directory, IReadOnlyList<ExportTable> tables, ParquetExportOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentNullException.ThrowIfNull(tables);
        _options = options ?? new ParquetExportOptions();
        _options.Validate();
        _root = Path.GetFullPath(directory);
        _parquetOptions = new ParquetOptions { CompressionMethod = _options.Compression };
        _cloudTrail = new TableSchema(CloudTrailColumns.TableName, CloudTrailColumns.Columns);
        foreach (var (table, name) in TableNames.Assign(tables))
        {
            _typed[table.Key] = (table, new TableSchema(name, table.Columns));
        }
    }

    /// <summary>The folder of each typed table, by event type (the event name in lowercase, unless two tables would share it).</summary>
    public IReadOnlyDictionary<CloudTrailEventKey, string> TableFolders
    {
        get
        {
            var folders = new Dictionary<CloudTrailEventKey, string>();
            foreach (var (key, typed) in _typed)
            {
                folders[key] = typed.Schema.Name;
            }

            return folders;
        }
    }

    /// <summary>Writes one event: a row of <c>cloudtrail</c>, and of its typed table if it has one.</summary>
    public async ValueTask WriteAsync(CloudTrailEvent evt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evt);
        ObjectDisposedException.ThrowIf(_completed, this);
        string account = DatasetLayout.Account(evt);
        string region = DatasetLayout.Region(evt);
        string date = Date(evt.EventTime);
        await WriteRowAsync(_cloudTrail, null, account, region, date, evt, cancellationToken).ConfigureAwait(false);
        if (_typed.TryGetValue(new CloudTrailEventKey(evt.EventSource, evt.EventName), out var typed))
        {
            await WriteRowAsync(typed.Schema, typed.Table, account, region, date, evt, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes every buffered row and completes every file.</summary>
    public async Task<ParquetExportResult> CompleteAsync(CancellationToken cancellationToken = default)
    {
        if (!_completed)
        {
            foreach (var partition in _partitions.Values)
            {
                await FlushAsync(partition, release: false, cancellationToken).ConfigureAwait(false);
                AddFile(await partition.CloseAsync().ConfigureAwait(false));
            }

            _completed = true;
        }

        return new ParquetExportResult(new Dictionary<string, long>(_rows, StringComparer.Ordinal), _files.ToArray(), _rowGroups);
    }

    /// <summary>Drops unfinished files (those <see cref="CompleteAsync"/> did not complete).</summary>
    public async ValueTask DisposeAsync()
    {
        _completed = true;
        foreach (var partition in _partitions.Values)
        {
            await partition.AbortAsync().ConfigureAwait(false);
        }

        _partitions.Clear();
    }

    private async ValueTask WriteRowAsync(TableSchema schema, ExportTable? table, string account, string region, string date, CloudTrailEvent evt, CancellationToken cancellationToken)
    {
        var key = new PartitionKey(schema, account, region, date);
        if (!_partitions.TryGetValue(key, out var partition))
        {
            _setAside.Remove(key, out int firstFile);
            partition = new PartitionWriter(schema, DatasetLayout.Directory(_root, schema.Name, account, region, date), _options, _parquetOptions, _scratch, firstFile);
            _partitions.Add(key, partition);
        }

        var rows = partition.Rows;
        rows.BeginRow();
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

        partition.LastUse = ++_clock;
        _rows[schema.Name] = _rows.GetValueOrDefault(schema.Name) + 1;

        // Measured every row: a sum over the leaves, no more work than the row itself, and with
        // thousands of partitions growing their buffers, sampling every few rows misses most growth.
        Measure(partition);

        if (rows.Rows >= _options.RowGroupRows || partition.Buffered >= _options.RowGroupBytes)
        {
            await FlushAsync(partition, release: false, cancellationToken).ConfigureAwait(false);
        }

        if (_buffered > _options.MaxBufferedBytes)
        {
            await RelieveAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    // Over the bound: the partitions whose buffers take the most give them back (written out as
    // a row group first if they hold rows) until a quarter of the bound is free; one whose file
    // is complete is set aside whole, remembering only its next file number. So memory stays
    // bounded however many partitions the input spans, and a pass sorts once, not per partition.
    private async Task RelieveAsync(CancellationToken cancellationToken)
    {
        var candidates = new List<(long Gain, PartitionKey Key, PartitionWriter Partition)>();
        foreach (var (key, partition) in _partitions)
        {
            long gain = partition.IsOpen ? partition.Buffered - partition.Floor : partition.Buffered;
            if (gain > 0)
            {
                candidates.Add((gain, key, partition));
            }
        }

        candidates.Sort((a, b) => b.Gain.CompareTo(a.Gain));
        long goal = _options.MaxBufferedBytes - (_options.MaxBufferedBytes / 4);
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
        _rowGroups += partition.RowGroups - before;
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

        if (open >= _options.MaxOpenFiles && oldest is not null)
        {
            AddFile(await oldest.CloseAsync().ConfigureAwait(false));
            Measure(oldest);
        }
    }

    private void AddFile(string? file)
    {
        if (file is not null)
        {
            _files.Add(file);
        }
    }

    // Most events of a log share a day: its string is made once.
    private string Date(DateTimeOffset? time)
    {
        if (time is not { } t)
        {
            return DatasetLayout.Unknown;
        }

        var day = DateOnly.FromDateTime(t.UtcDateTime);
        if (day != _lastDay || ReferenceEquals(_lastDate, DatasetLayout.Unknown))
        {
            _lastDay = day;
            _lastDate = DatasetLayout.Date(t);
        }

        return _lastDate;
    }

    private readonly record struct PartitionKey(TableSchema Table, string Account, string Region, string Date);
}
