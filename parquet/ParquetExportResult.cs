using System.Collections.Generic;

namespace GlacierTrail.Parquet;

/// <summary>What an export wrote.</summary>
public sealed class ParquetExportResult
{
    internal ParquetExportResult(IReadOnlyDictionary<string, long> rows, IReadOnlyList<string> files, int rowGroups)
    {
        Rows = rows;
        Files = files;
        RowGroups = rowGroups;
    }

    /// <summary>Rows written per table (<c>cloudtrail</c> and each typed table written to).</summary>
    public IReadOnlyDictionary<string, long> Rows { get; }

    /// <summary>The files written, in the order they were completed.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>Row groups written, over all files.</summary>
    public int RowGroups { get; }
}
