using System;
using System.IO;
using System.IO.Compression;
using System.Threading;
using System.Threading.Tasks;

namespace GlacierTrail.Streams;

/// <summary>Detects gzip by its magic bytes (never by file name) and opens the content, bounded in size.</summary>
internal static class Decompression
{
    /// <summary>How many gzip layers are peeled (gzip of gzip happens when a pipeline compresses twice).</summary>
    private const int MaxLayers = 3;

    /// <summary>The content of <paramref name="stream"/>, its gzip layers peeled.</summary>
    /// <param name="stream">The source.</param>
    /// <param name="maxInflatedBytes">The most bytes one layer may inflate to.</param>
    /// <param name="readAhead">Whether gzip content is inflated on another thread, ahead of its reader (<see cref="ReadAheadStream"/>).</param>
    /// <param name="cancellationToken">Stops the sniffing of the layers.</param>
    public static async ValueTask<Stream> OpenAsync(Stream stream, long maxInflatedBytes, bool readAhead, CancellationToken cancellationToken)
    {
        var content = stream;
        for (int layer = 0; ; layer++)
        {
            var (opened, gzip) = await OpenLayerAsync(content, ownsStream: layer > 0, maxInflatedBytes, cancellationToken).ConfigureAwait(false);
            if (!gzip || layer == MaxLayers - 1)
            {
                return readAhead && (gzip || layer > 0) ? new ReadAheadStream(opened) : opened;
            }

            content = opened;
        }
    }

    /// <summary>
    /// As <see cref="OpenAsync"/> with synchronous reads, for bytes already in memory: their
    /// reads complete at once, so waiting on an asynchronous open would only add overhead.
    /// </summary>
    public static Stream Open(Stream stream, long maxInflatedBytes)
    {
        var content = stream;
        for (int layer = 0; ; layer++)
        {
            var head = new byte[2];
            int got = 0;
            while (got < head.Length)
            {
                int read = content.Read(head.AsSpan(got));
                if (read == 0)
                {
                    break;
                }

                got += read;
            }

            var (opened, gzip) = Layer(head.AsMemory(0, got), content, ownsStream: layer > 0, maxInflatedBytes);
            if (!gzip || layer == MaxLayers - 1)
            {
                return opened;
            }

            content = opened;
        }
    }

    private static async ValueTask<(Stream Stream, bool Gzip)> OpenLayerAsync(Stream stream, bool ownsStream, long maxInflatedBytes, CancellationToken cancellationToken)
    {
        var head = new byte[2];
        int got = 0;
        while (got < head.Length)
        {
            int read = await stream.ReadAsync(head.AsMemory(got), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            got += read;
        }

        return Layer(head.AsMemory(0, got), stream, ownsStream, maxInflatedBytes);
    }

    // The stream with its first bytes put back, inflated when they are the gzip magic bytes.
    private static (Stream Stream, bool Gzip) Layer(ReadOnlyMemory<byte> head, Stream stream, bool ownsStream, long maxInflatedBytes)
    {
        var replayed = new PrefixedStream(head, stream, ownsStream);
        if (!IsGzip(head.Span))
        {
            return (replayed, false);
        }

        var input = new HoldbackStream(replayed);
        return (new LimitedStream(new GZipStream(input, CompressionMode.Decompress, leaveOpen: false), maxInflatedBytes, input), true);
    }

    public static bool IsGzip(ReadOnlySpan<byte> head) => head.Length >= 2 && head[0] == 0x1F && head[1] == 0x8B;

    /// <summary>Inflates a gzip blob held in memory (a CloudWatch Logs Lambda payload), bounded in size.</summary>
    /// <exception cref="InvalidDataException">Not gzip, damaged, or larger than the limit.</exception>
    public static byte[] InflateAll(byte[] gzip, long maxInflatedBytes)
    {
        if (!IsGzip(gzip))
        {
            throw new InvalidDataException("the data does not start with the gzip magic bytes");
        }

        using var input = new LimitedStream(new GZipStream(new MemoryStream(gzip), CompressionMode.Decompress), maxInflatedBytes);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
