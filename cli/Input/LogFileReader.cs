using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using GlacierTrail.Events;

namespace GlacierTrail.Cli.Input;

/// <summary>
/// Reads one input (a file, or standard input) into <see cref="FileItem"/>s. It touches nothing
/// shared, so the files of a directory can be read by several of these at once while
/// <see cref="LogInput"/> reports and counts on one thread, in path order.
/// </summary>
internal sealed class LogFileReader(bool strict, Func<Stream> openStdin, byte[][]? sources, bool hash = false)
{
    /// <summary>The items of one input.</summary>
    /// <param name="file">The path, or <c>-</c>.</param>
    /// <param name="inDirectory">Whether it was found in a directory (and is skipped with a note unless it starts like a log).</param>
    /// <param name="alone">Whether no other file is read meanwhile: a gzip input is then inflated on another core, ahead of the parse.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    public async IAsyncEnumerable<FileItem> ReadAsync(string file, bool inDirectory, bool alone, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string source = file == LogInput.StandardInput ? "stdin" : file;
        Stream? stream = null;
        string? cannotOpen = null;
        try
        {
            // A path is opened as given: a pipe, /dev/stdin or a process substitution reads like
            // a file, only without seeking. Unbuffered: the reader reads in large pieces itself,
            // so a buffer of 64 KiB for each of a trail's thousands of files would only be garbage.
            stream = file == LogInput.StandardInput
                ? openStdin()
                : new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            cannotOpen = ex.Message;
        }

        if (stream is null)
        {
            yield return new FileItem(FileItemKind.Error, source, Error: new CloudTrailReadException("cannot open it: " + cannotOpen, source));
            yield break;
        }

        if (inDirectory && !StartsLikeLog(stream))
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            yield return new FileItem(FileItemKind.Notice, source, Notice: $"{file}: not a JSON log file; skipped");
            yield break;
        }

        yield return new FileItem(FileItemKind.Opened, source);

        // Errors and notices are raised while the reader works towards its next event: they are
        // held here and come out before it, in their place.
        var pending = new List<FileItem>();
        var skim = sources is null ? null : new SourceSkim(sources);
        var options = new CloudTrailReaderOptions
        {
            ErrorHandling = CloudTrailErrorHandling.Skip,
            Strict = strict,
            OnError = error => pending.Add(new FileItem(FileItemKind.Error, source, Error: error)),
            OnNotice = notice => pending.Add(new FileItem(FileItemKind.Notice, source, Notice: notice)),
            EventFilter = skim is null ? null : skim.Accept,
            MaxParallelFiles = alone ? Environment.ProcessorCount : 1,
        };

        var hashing = hash ? new HashingStream(stream) : null;
        bool readToEnd = true;
        await using (stream.ConfigureAwait(false))
        {
            var events = GlacierTrailEvents.ReadAsync(hashing ?? stream, options, source, cancellationToken).GetAsyncEnumerator(cancellationToken);
            await using (events.ConfigureAwait(false))
            {
                while (true)
                {
                    bool more;
                    try
                    {
                        more = await events.MoveNextAsync().ConfigureAwait(false);
                    }
                    catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
                    {
                        // Read errors of the device or pipe (not of the data) end this input with
                        // an error and the run goes on; a yield cannot sit in a try with a catch.
                        pending.Add(new FileItem(FileItemKind.Error, source, Error: new CloudTrailReadException("cannot read it: " + ex.Message, source)));
                        more = false;
                        readToEnd = false;
                    }

                    foreach (var item in pending)
                    {
                        yield return item;
                    }

                    pending.Clear();
                    if (!more)
                    {
                        break;
                    }

                    var evt = events.Current;
                    yield return new FileItem(FileItemKind.Event, source, evt, evt.RecordIndex, Position: stream.CanSeek ? stream.Position : -1);
                }
            }

            var fileHash = hashing is null ? null : await FinishHashAsync(hashing, source, readToEnd, cancellationToken).ConfigureAwait(false);
            yield return new FileItem(FileItemKind.Closed, source, Position: stream.CanSeek ? stream.Length : -1, Skipped: skim?.Skipped ?? 0, Hash: fileHash);
        }
    }

    /// <summary>The file's hash, taking in whatever the reader left unread; null in place of the hash when a read error leaves it covering part of the input only.</summary>
    private static async Task<InputFileHash> FinishHashAsync(HashingStream hashing, string source, bool readToEnd, CancellationToken cancellationToken)
    {
        string? sha256 = null;
        try
        {
            sha256 = await hashing.FinishAsync(readToEnd, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            // A read error the reader did not meet.
        }

        return new InputFileHash(source, hashing.BytesRead, sha256);
    }

    // In a directory, only files that start like JSON (or gzip, as S3 delivers logs) are read;
    // a stray README or checksum file is noted, not an error. The head is read from the stream
    // the file is then read with, rewound, rather than by opening every file twice.
    private static bool StartsLikeLog(Stream stream)
    {
        if (!stream.CanSeek)
        {
            return true;
        }

        Span<byte> head = stackalloc byte[64];
        try
        {
            int read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            stream.Position = 0;
            return LogFiles.StartsLikeLog(head[..read]);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return true; // let the reader report it
        }
    }
}
