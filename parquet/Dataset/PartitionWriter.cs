using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using GlacierTrail.Parquet.Columns;
using Parquet;

namespace GlacierTrail.Parquet.Dataset;

/// <summary>
/// The rows of one table in one partition: buffered as a row group, written out at its bound
/// into the current file, which is rolled at the target size. Files are written under a
/// temporary name and renamed when complete, so a reader never sees half a file.
/// </summary>
internal sealed class PartitionWriter
{
    private readonly string _directory;
    private readonly ParquetExportOptions _options;
    private readonly ParquetOptions _parquetOptions;
    private int _nextFile;
    private PageFileStream? _stream;
    private ParquetWriter? _writer;
    private string? _path;

    /// <param name="schema">The table.</param>
    /// <param name="directory">The partition's folder.</param>
    /// <param name="options">The bounds and the run id.</param>
    /// <param name="parquetOptions">Compression and the rest of Parquet.Net's settings.</param>
    /// <param name="rows">The row buffers: new, or those of a partition of the same table that is complete.</param>
    /// <param name="firstFile">The number of the first file to write: above 0 when this partition was written before in this run, and set aside since.</param>
    public PartitionWriter(TableSchema schema, string directory, ParquetExportOptions options, ParquetOptions parquetOptions, RowShredder rows, int firstFile)
    {
        Schema = schema;
        Rows = rows;
        _directory = directory;
        _options = options;
        _parquetOptions = parquetOptions;
        _nextFile = firstFile;
        Floor = Rows.ReleasedBytes;
    }

    public TableSchema Schema { get; }

    public RowShredder Rows { get; }

    /// <summary>When this partition was last written to, for closing the least recent file.</summary>
    public long LastUse { get; set; }

    public bool IsOpen => _writer is not null;

    /// <summary>Bytes the buffers take, as last measured (updated by the dataset writer).</summary>
    public long Buffered { get; set; }

    /// <summary>Bytes the buffers take when released: what only setting the partition aside gives back.</summary>
    public long Floor { get; }

    /// <summary>The number of the next file, for a partition set aside and written to again.</summary>
    public int NextFile => _nextFile;

    /// <summary>Writes the buffered rows as one row group (opening a file if none is open); returns the file completed by it, if the file reached its target size.</summary>
    public async Task<string?> FlushAsync(CancellationToken cancellationToken)
    {
        if (Rows.Rows == 0)
        {
            return null;
        }

        if (_writer is null)
        {
            await OpenAsync(cancellationToken).ConfigureAwait(false);
        }

        using (var rowGroup = _writer!.CreateRowGroup())
        {
            foreach (var leaf in Rows.Leaves)
            {
                await leaf.WriteAsync(rowGroup, cancellationToken).ConfigureAwait(false);
            }

            rowGroup.CompleteValidate();
        }

        Rows.Clear();
        RowGroups++;
        return _stream!.Position >= _options.TargetFileBytes ? await CloseAsync().ConfigureAwait(false) : null;
    }

    /// <summary>Row groups written.</summary>
    public int RowGroups { get; private set; }

    /// <summary>Completes the open file, if any, under its final name, and returns that name.</summary>
    public async Task<string?> CloseAsync()
    {
        if (_writer is null)
        {
            return null;
        }

        await _writer.DisposeAsync().ConfigureAwait(false);
        await _stream!.DisposeAsync().ConfigureAwait(false);
        _writer = null;
        _stream = null;

        string final = _path![..^TempSuffix.Length];
        File.Move(_path, final, overwrite: true);
        return final;
    }

    /// <summary>Drops the open file unfinished (after a failure).</summary>
    public async Task AbortAsync()
    {
        if (_writer is null)
        {
            return;
        }

        try
        {
            await _writer.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException)
        {
            // The file is deleted below either way.
        }

        await _stream!.DisposeAsync().ConfigureAwait(false);
        _writer = null;
        _stream = null;
        File.Delete(_path!);
    }

    private const string TempSuffix = ".tmp";

    private async Task OpenAsync(CancellationToken cancellationToken)
    {
        string prefix = "part-" + _options.RunId + "-";
        if (_nextFile == 0)
        {
            // A re-run over the same inputs replaces what the earlier run wrote here.
            Directory.CreateDirectory(_directory);
            foreach (string stale in Directory.EnumerateFiles(_directory, prefix + "*.parquet"))
            {
                File.Delete(stale);
            }
        }

        _path = Path.Combine(_directory, prefix + _nextFile.ToString("D5", System.Globalization.CultureInfo.InvariantCulture) + ".parquet" + TempSuffix);
        _nextFile++;
        _stream = new PageFileStream(_path, 1 << 16);
        _writer = await ParquetWriter.CreateAsync(Schema.Parquet, _stream, _parquetOptions, append: false, cancellationToken).ConfigureAwait(false);
    }
}
