using System.Collections.Generic;

namespace GlacierTrail.Parquet;

/// <summary>What an export wrote.</summary>
public sealed class ParquetExportResult
{
    internal ParquetExportResult(IReadOnlyDictionary<string, long> rows, IReadOnlyList<string> files, int rowGroups, long spilledBytes)
    {
        SpilledBytes = spilledBytes;
        Rows = rows;
        Files = files;
        RowGroups = rowGroups;
    }

    /// <summary>Rows written per table (<c>cloudtrail</c> and each typed table written to).</summary>
    public IReadOnlyDictionary<string, long> Rows { get; }

    /// <summary>The files written, by path.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>Row groups written, over all files.</summary>
    public int RowGroups { get; }

    /// <summary>
    /// Bytes of records set down in the spill file while they were sorted by partition: 0 when
    /// every partition's rows came together or fitted in memory.
    /// </summary>
    public long SpilledBytes { get; }
}
