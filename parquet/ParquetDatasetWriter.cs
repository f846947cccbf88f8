using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.ExceptionServices;
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
/// partition, until they take half of <see cref="ParquetExportOptions.MaxBufferedBytes"/>. Then,
/// on other threads while the next half fills, each partition with a row group's worth (a
/// sixteenth of the bound) and nothing on disk is written out as row groups, and the rest are
/// appended to a spill file in the output folder, to be written when the export completes.
/// Partitions are spread over <see cref="ParquetExportOptions.MaxParallelism"/> workers, each
/// always writing the same partitions. So events in any order (a log mixes accounts, regions
/// and days) give one file per table and partition, with large row groups, not thousands of
/// small ones; and events already in order are written as they come.
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
    private readonly List<(ExportTable Table, string Name)> _tables;
    private readonly SpillFile _spill;
    private readonly PartitionedTables[] _workers;
    private PendingRecords _pending;
    private PendingRecords _sorting;
    private Task _sortedOut = Task.CompletedTask;
    private List<Partition> _writtenLast = new();
    private readonly CancellationTokenSource _stop = new();
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
        _options = options ?? new ParquetExportOptions();
        _options.Validate();
        _root = Path.GetFullPath(directory);
        _tables = TableNames.Assign(tables);
        _workers = new PartitionedTables[_options.MaxParallelism];
        for (int i = 0; i < _workers.Length; i++)
        {
            _workers[i] = new PartitionedTables(_root, events, _tables, _options, _workers.Length);
        }

        _pending = new PendingRecords(HalfBound);
        _sorting = new PendingRecords(HalfBound);
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

    private long HalfBound => Math.Max(1, _options.MaxBufferedBytes / 2);

    /// <summary>Writes one event: a row of <c>cloudtrail</c>, and of its typed table if it has one.</summary>
    /// <remarks>The rows are written later (while more events come, or by <see cref="CompleteAsync"/>), once the event's partition is sorted out.</remarks>
    public async ValueTask WriteAsync(CloudTrailEvent evt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evt);
        ObjectDisposedException.ThrowIf(_closed, this);
        _pending.Add(new Partition(DatasetLayout.Account(evt), DatasetLayout.Region(evt), Date(evt.EventTime)), evt);
        if (_pending.Bytes > HalfBound)
        {
            // The half sorted out before is done (and its failure, if any, surfaces here); the
            // half just filled is sorted out while the other half fills.
            await _sortedOut.ConfigureAwait(false);
            (_pending, _sorting) = (_sorting, _pending);
            var batch = _sorting;
            _sortedOut = Task.Run(() => SortOutAsync(batch, cancellationToken), CancellationToken.None);
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
        await _sortedOut.ConfigureAwait(false);

        // Each partition left is written whole: its runs on disk, then its records in memory.
        var rest = new SortedSet<Partition>(_pending.Partitions);
        rest.UnionWith(_spill.Partitions);
        _spill.Seal();
        await InParallelAsync(
            rest,
            worker =>
            {
                var spilled = _spill.OpenReader();
                return async (partition, token) =>
                {
                    await worker.WriteAsync(partition, spilled.RecordsOf(partition), token).ConfigureAwait(false);
                    await worker.WriteAsync(partition, _pending.RecordsOf(partition), token).ConfigureAwait(false);
                    await worker.CompleteAsync(partition, token).ConfigureAwait(false);
                };
            },
            cancellationToken).ConfigureAwait(false);

        var rows = new Dictionary<string, long>(StringComparer.Ordinal);
        var files = new List<string>();
        int rowGroups = 0;
        foreach (var worker in _workers)
        {
            // Partitions written as their events came, that got none since.
            await worker.CompleteAllAsync(cancellationToken).ConfigureAwait(false);
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
        _result = new ParquetExportResult(rows, files.ToArray(), rowGroups, spilled);
        return _result;
    }

    /// <summary>Drops unfinished files (those <see cref="CompleteAsync"/> did not complete).</summary>
    public async ValueTask DisposeAsync()
    {
        _closed = true;
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _sortedOut.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Its failure was reported, or the export is being dropped anyway.
        }

        _pending.Clear();
        _sorting.Clear();
        _spill.Dispose();
        foreach (var worker in _workers)
        {
            await worker.AbortAsync().ConfigureAwait(false);
        }

        _stop.Dispose();
    }

    // A half of the records kept as JSON: each partition with a row group's worth and nothing
    // on disk is written out now (events that come in order never touch the disk); every other
    // partition's records are set down in the spill file, to be written once all of that
    // partition's records are known. A partition once spilled is spilled from then on, so its
    // rows keep the order they came in.
    private async Task SortOutAsync(PendingRecords batch, CancellationToken cancellationToken)
    {
        long rowGroupWorth = Math.Max(1, _options.MaxBufferedBytes / 16);
        var direct = new List<Partition>();
        var partitions = new List<Partition>(batch.Partitions);
        partitions.Sort();
        foreach (var partition in partitions)
        {
            if (!_spill.Holds(partition) && batch.BytesOf(partition) >= rowGroupWorth)
            {
                direct.Add(partition);
            }
            else
            {
                _spill.Append(partition, batch.RecordsOf(partition));
            }
        }

        // Partitions written as they came that got nothing in this half are taken to be done, as
        // they are when events come in order: their files are completed rather than holding
        // open files and memory to the end (more of their rows, if any, go to new files).
        var done = _writtenLast.FindAll(partition => !batch.Holds(partition));
        await InParallelAsync(done, worker => worker.CompleteAsync, cancellationToken).ConfigureAwait(false);
        await InParallelAsync(
            direct,
            worker => async (partition, token) =>
            {
                await worker.WriteAsync(partition, batch.RecordsOf(partition), token).ConfigureAwait(false);
                await worker.FlushAsync(partition, token).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
        _writtenLast = direct;
        batch.Clear();
    }

    // Each partition goes to the worker it always goes to; the workers run at once, each on its
    // own thread, through their partitions in order. One failure stops the others, and is what
    // the caller sees.
    private async Task InParallelAsync(IEnumerable<Partition> partitions, Func<PartitionedTables, Func<Partition, CancellationToken, Task>> stepOf, CancellationToken cancellationToken)
    {
        var work = new List<Partition>[_workers.Length];
        foreach (var partition in partitions)
        {
            (work[partition.Worker(_workers.Length)] ??= new()).Add(partition);
        }

        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stop.Token);
        var tasks = new List<Task>();
        for (int i = 0; i < _workers.Length; i++)
        {
            if (work[i] is not { } mine)
            {
                continue;
            }

            var step = stepOf(_workers[i]);
            tasks.Add(Task.Run(
                async () =>
                {
                    try
                    {
                        foreach (var partition in mine)
                        {
                            await step(partition, failed.Token).ConfigureAwait(false);
                        }
                    }
                    catch
                    {
                        await failed.CancelAsync().ConfigureAwait(false);
                        throw;
                    }
                },
                CancellationToken.None));
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
                if (task.Exception?.InnerException is { } failure and not OperationCanceledException)
                {
                    ExceptionDispatchInfo.Capture(failure).Throw();
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
