using System;
using System.Buffers;
using System.IO;
using System.IO.Compression;
using System.Threading;
using System.Threading.Tasks;

namespace GlacierTrail.Bench.Trail;

/// <summary>The floor: every file inflated, on every core, and the bytes discarded.</summary>
internal sealed class InflateFloor : ITrailContender
{
    public string Name => $"inflate only, {Environment.ProcessorCount} files at once (the floor)";

    public string Key => "floor";

    public string? Unavailable => null;

    public bool WritesRecords => false;

    public long LastInflatedBytes { get; private set; }

    public void Run(TrailTree tree)
    {
        string[] files = Directory.GetFiles(tree.Logs, "*.json.gz", SearchOption.AllDirectories);
        long total = 0;
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, file =>
        {
            byte[] buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
            using var gzip = new GZipStream(stream, CompressionMode.Decompress);
            long bytes = 0;
            int read;
            while ((read = gzip.Read(buffer)) > 0)
            {
                bytes += read;
            }

            ArrayPool<byte>.Shared.Return(buffer);
            Interlocked.Add(ref total, bytes);
        });
        LastInflatedBytes = total;
        if (total != tree.InflatedBytes)
        {
            throw new InvalidOperationException($"the floor inflated {total} bytes, the tree holds {tree.InflatedBytes}");
        }
    }
}
