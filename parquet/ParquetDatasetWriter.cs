using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GlacierTrail.Export;
using GlacierTrail.Parquet.Dataset;
using GlacierTrail.Serialization;

namespace GlacierTrail.Parquet;

/// <summary>
/// Writes events as a Hive-partitioned Parquet dataset that Athena, Spark and DuckDB read:
/// every event into <c>cloudtrail/</c> (the columns of AWS's CloudTrail table), and each event
/// of a type with a schema also into its typed table, <c>{eventname}/</c>, both under
/// <c>account=/region=/date=</c> partitions. Every event written is a row; nothing is
/// de-duplicated.
/// </summary>
/// <remarks>
/// <para>
/// Sorted by partition, in bounded memory: events are kept as JSON records, grouped by
/// partition, until they take <see cref="ParquetExportOptions.MaxBufferedBytes"/>. Then each
/// partition with a row group's worth (a sixteenth of the bound) and nothing on disk is
/// written out as row groups; the rest are appended to a spill file in the output folder, and
/// written when the export completes, a partition per core at once. So events in any order (a
/// log mixes accounts, regions and days) give one file per table and partition, with large row
/// groups, not thousands of small ones; and events already in order are written as they come.
/// </para>
/// <para>
/// Rows are buffered per table and partition as a row group, written out at the row group
/// bound, or when all row buffers together pass the same bound (then the largest are written
/// out and given back); files roll at <see cref="ParquetExportOptions.TargetFileBytes"/>. Call
/// <see cref="CompleteAsync"/> to write the rest and finish every file; disposing without it
/// drops unfinished files.
/// </para>
/// </remarks>
public sealed class ParquetDatasetWriter : IAsyncDisposable
{
    private readonly string _root;
    private readonly ParquetExportOptions _options;
    private readonly ICloudTrailEventFactory _factory;
    private readonly List<(ExportTable Table, string Name)> _tables;
    private readonly PendingRecords _pending;
    private readonly SpillFile _spill;
    private readonly PartitionedTables _asTheyCome;
    private readonly List<PartitionedTables> _workers = new();
    private ParquetExportResult? _result;
    private bool _closed;
    private DateOnly _lastDay;
    private string _lastDate = DatasetLayout.Unknown;

    /// <summary>Writes into <paramref name="directory"/> the <c>cloudtrail</c> table and the typed tables of <paramref name="tables"/>.</summary>
    /// <param name="directory">The dataset's root folder; created if missing.</param>
    /// <param name="events">The event types, <c>GlacierTrailEvents.Factory</c>: records kept as JSON while they are sorted by partition are read back through it.</param>
    /// <param name="tables">The typed tables, <c>GlacierTrailEvents.ExportTables</c>.</param>
    /// <param name="options">Bounds and file names; defaults when null.</param>
    public ParquetDatasetWriter(string directory, ICloudTrailEventFactory events, IReadOnlyList<ExportTable> tables, ParquetExportOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(tables);
        _factory = events;
        _options = options ?? new ParquetExportOptions();
        _options.Validate();
        _root = Path.GetFullPath(directory);
        _tables = TableNames.Assign(tables);
        _asTheyCome = new PartitionedTables(_root, events, _tables, _options, share: 1, nextFiles: null);
        _pending = new PendingRecords(_options.MaxBufferedBytes);
        _spill = new SpillFile(_root, _options.RunId);
    }

    /// <summary>The folder of each typed table, by event type (the event name in lowercase, unless two tables would share it).</summary>
    public IReadOnlyDictionary<CloudTrailEventKey, string> TableFolders
    {
        get
        {
            var folders = new Dictionary<CloudTrailEventKey, string>();
            foreach (var (table, name) in _tables)
            {
                folders[table.Key] = name;
            }

            return folders;
        }
    }

    /// <summary>Writes one event: a row of <c>cloudtrail</c>, and of its typed table if it has one.</summary>
    /// <remarks>The rows may be written later (by a later call or by <see cref="CompleteAsync"/>), once the event's partition is sorted out.</remarks>
    public async ValueTask WriteAsync(CloudTrailEvent evt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evt);
        ObjectDisposedException.ThrowIf(_closed, this);
        _pending.Add(new Partition(DatasetLayout.Account(evt), DatasetLayout.Region(evt), Date(evt.EventTime)), evt);
        if (_pending.Bytes > _options.MaxBufferedBytes)
        {
            await SortOutAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes every row not yet written and completes every file.</summary>
    public async Task<ParquetExportResult> CompleteAsync(CancellationToken cancellationToken = default)
    {
        if (_result is not null)
        {
            return _result;
        }

        ObjectDisposedException.ThrowIf(_closed, this);
        _closed = true;

        // Partitions being written as they came, with nothing on disk, end where they are: their
        // open files take the rest, so they get no extra file.
        var rest = new SortedSet<Partition>(_pending.Partitions);
        rest.UnionWith(_spill.Partitions);
        foreach (var partition in rest.ToArray())
        {
            if (!_spill.Holds(partition) && _asTheyCome.Holds(partition))
            {
                await _asTheyCome.WriteAsync(partition, _pending.RecordsOf(partition), cancellationToken).ConfigureAwait(false);
                rest.Remove(partition);
            }
        }

        await _asTheyCome.CompleteAllAsync(cancellationToken).ConfigureAwait(false);
        await WriteInParallelAsync(rest.ToArray(), cancellationToken).ConfigureAwait(false);

        var rows = new Dictionary<string, long>(_asTheyCome.Rows, StringComparer.Ordinal);
        var files = new List<string>(_asTheyCome.Files);
        int rowGroups = _asTheyCome.RowGroups;
        foreach (var worker in _workers)
        {
            foreach (var (table, count) in worker.Rows)
            {
                rows[table] = rows.GetValueOrDefault(table) + count;
            }

            files.AddRange(worker.Files);
            rowGroups += worker.RowGroups;
        }

        files.Sort(StringComparer.Ordinal);
        long spilled = _spill.Bytes;
        _spill.Dispose();
        _pending.Clear();
        _workers.Clear();
        _result = new ParquetExportResult(rows, files.ToArray(), rowGroups, spilled);
        return _result;
    }

    /// <summary>Drops unfinished files (those <see cref="CompleteAsync"/> did not complete).</summary>
    public async ValueTask DisposeAsync()
    {
        _closed = true;
        _pending.Clear();
        _spill.Dispose();
        await _asTheyCome.AbortAsync().ConfigureAwait(false);
        foreach (var worker in _workers)
        {
            await worker.AbortAsync().ConfigureAwait(false);
        }

        _workers.Clear();
    }

    // Over the bound of records kept as JSON: each partition with a row group's worth and
    // nothing on disk is written out now (events that come in order never touch the disk);
    // every other partition's records are set down in the spill file, to be written once all
    // of that partition's records are known. A partition once spilled is spilled from then on,
    // so its rows keep the order they came in.
    private async Task SortOutAsync(CancellationToken cancellationToken)
    {
        long rowGroupWorth = Math.Max(1, _options.MaxBufferedBytes / 16);
        var partitions = new List<Partition>(_pending.Partitions);
        partitions.Sort();
        foreach (var partition in partitions)
        {
            if (!_spill.Holds(partition) && _pending.BytesOf(partition) >= rowGroupWorth)
            {
                await _asTheyCome.WriteAsync(partition, _pending.RecordsOf(partition), cancellationToken).ConfigureAwait(false);
                await _asTheyCome.FlushAsync(partition, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                _spill.Append(partition, _pending.RecordsOf(partition));
            }
        }

        _pending.Clear();
    }

    // The partitions left, each whole (its runs on disk, then its records in memory), a worker
    // per core taking the next one; each worker has its share of the bounds. A partition
    // written to before continues its files' numbering.
    private async Task WriteInParallelAsync(Partition[] partitions, CancellationToken cancellationToken)
    {
        if (partitions.Length == 0)
        {
            return;
        }

        _spill.Seal();
        int count = Math.Min(_options.MaxParallelism, partitions.Length);
        for (int i = 0; i < count; i++)
        {
            _workers.Add(new PartitionedTables(_root, _factory, _tables, _options, count, _asTheyCome.NextFiles));
        }

        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        int next = -1;
        var tasks = new Task[count];
        for (int i = 0; i < count; i++)
        {
            var worker = _workers[i];
            tasks[i] = Task.Run(
                async () =>
                {
                    try
                    {
                        var spilled = _spill.OpenReader();
                        int index;
                        while ((index = Interlocked.Increment(ref next)) < partitions.Length)
                        {
                            var partition = partitions[index];
                            await worker.WriteAsync(partition, spilled.RecordsOf(partition), failed.Token).ConfigureAwait(false);
                            await worker.WriteAsync(partition, _pending.RecordsOf(partition), failed.Token).ConfigureAwait(false);
                            await worker.CompleteAsync(partition, failed.Token).ConfigureAwait(false);
                        }
                    }
                    catch
                    {
                        // One failure stops the others: the export fails as a whole.
                        await failed.CancelAsync().ConfigureAwait(false);
                        throw;
                    }
                },
                failed.Token);
        }

        try
        {
            await Task.WhenAll(tasks).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // A worker failed and the rest stopped: report the failure, not the stopping.
            foreach (var task in tasks)
            {
                if (task.Exception is { } failure)
                {
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure.InnerException ?? failure).Throw();
                }
            }

            throw;
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
}
