using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using Parquet;

namespace GlacierTrail.Parquet;

/// <summary>Bounds and names of a Parquet export.</summary>
public sealed class ParquetExportOptions
{
    /// <summary>Rows per row group at most (default 100,000).</summary>
    public int RowGroupRows { get; init; } = 100_000;

    /// <summary>Buffered bytes of one row group at most, estimated (default 64 MiB).</summary>
    public long RowGroupBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>A file is closed, and the next one started, once it reaches this size (default 128 MiB).</summary>
    public long TargetFileBytes { get; init; } = 128L * 1024 * 1024;

    /// <summary>
    /// Bytes the row buffers of all tables and partitions may take at most, estimated from their
    /// capacity (default 128 MiB): past it, the largest are written out as row groups and given
    /// back, and partitions whose files are complete are set aside until they get rows again.
    /// Parquet.Net's own buffers and the garbage collector's headroom come on top.
    /// </summary>
    public long MaxBufferedBytes { get; init; } = 128L * 1024 * 1024;

    /// <summary>
    /// Workers writing partitions at once, each on its own thread (default: the processor
    /// count). They share the buffer bound; each may have <see cref="MaxOpenFiles"/> open.
    /// </summary>
    public int MaxParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Files open at once per worker at most (default 64, more than the tables of one
    /// partition); past it, the least recently written is closed.
    /// </summary>
    public int MaxOpenFiles { get; init; } = 64;

    /// <summary>The compression of every column (default Snappy, which every engine reads).</summary>
    public CompressionMethod Compression { get; init; } = CompressionMethod.Snappy;

    /// <summary>
    /// Names the files of this run: <c>part-{RunId}-{n}.parquet</c>. A run with the same id
    /// replaces the files an earlier one wrote in the partitions it writes, so a re-run does not
    /// duplicate rows. See <see cref="RunIdFor"/>.
    /// </summary>
    public string RunId { get; init; } = "0";

    /// <summary>A run id derived from the inputs (their names, in order): the same inputs give the same file names.</summary>
    public static string RunIdFor(IEnumerable<string> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var text = new StringBuilder();
        foreach (string input in inputs)
        {
            text.Append(input).Append('\n');
        }

        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        return Convert.ToHexStringLower(hash, 0, 8);
    }

    internal void Validate()
    {
        if (RowGroupRows < 1 || RowGroupBytes < 1 || TargetFileBytes < 1 || MaxBufferedBytes < 1 || MaxOpenFiles < 1 || MaxParallelism < 1)
        {
            throw new ArgumentException("Row group, file, buffer and parallelism bounds must be positive.");
        }

        foreach (char c in RunId)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-' && c != '_')
            {
                throw new ArgumentException($"The run id '{RunId}' may hold only ASCII letters, digits, '-' and '_'.");
            }
        }

        if (RunId.Length == 0)
        {
            throw new ArgumentException("The run id is empty.");
        }
    }
}
