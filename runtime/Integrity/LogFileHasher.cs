using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using GlacierTrail.Streams;

namespace GlacierTrail.Integrity;

/// <summary>
/// The SHA-256 of log files' uncompressed content, computed while they inflate (a file is never
/// held whole), several files at once.
/// </summary>
internal static class LogFileHasher
{
    private const int BufferBytes = 128 * 1024;

    /// <summary>Hashes every file; the results are in the order of <paramref name="paths"/>.</summary>
    public static async Task<LogFileHash[]> HashAllAsync(IReadOnlyList<string> paths, int maxParallelFiles, long maxInflatedBytes, CancellationToken cancellationToken)
    {
        var results = new LogFileHash[paths.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, maxParallelFiles), CancellationToken = cancellationToken };
        await Task.Run(() => Parallel.For(0, paths.Count, options, i => results[i] = Hash(paths[i], maxInflatedBytes)), cancellationToken).ConfigureAwait(false);
        return results;
    }

    /// <summary>The hash of one file's uncompressed content (gzip is detected by its magic bytes), or why it could not be read.</summary>
    public static LogFileHash Hash(string path, long maxInflatedBytes)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(BufferBytes);
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            int head = file.ReadAtLeast(buffer.AsSpan(0, 2), 2, throwOnEndOfStream: false);
            file.Position = 0;
            using Stream content = Decompression.IsGzip(buffer.AsSpan(0, head))
                ? new LimitedStream(new GZipStream(file, CompressionMode.Decompress, leaveOpen: true), maxInflatedBytes)
                : file;
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long total = 0;
            int read;
            while ((read = content.Read(buffer, 0, BufferBytes)) > 0)
            {
                sha.AppendData(buffer, 0, read);
                total += read;
            }

            return new LogFileHash(sha.GetHashAndReset(), total, null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return new LogFileHash(null, 0, ex.Message);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
