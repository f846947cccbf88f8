using System;
using System.IO;
using System.IO.Compression;
using System.Threading;
using System.Threading.Tasks;

namespace GlacierTrail;

/// <summary>Detects gzip by its magic bytes (never by file name) and opens the content.</summary>
internal static class Decompression
{
    public static async ValueTask<Stream> OpenAsync(Stream stream, CancellationToken cancellationToken)
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

        var replayed = new PrefixedStream(head.AsMemory(0, got), stream);
        bool gzip = got == 2 && head[0] == 0x1F && head[1] == 0x8B;
        return gzip ? new GZipStream(replayed, CompressionMode.Decompress, leaveOpen: false) : replayed;
    }
}
