using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using GlacierTrail.Framing;
using GlacierTrail.Serialization;
using GlacierTrail.Streams;

namespace GlacierTrail.Reading;

/// <summary>
/// Reads the log files a path names, one at a time or several at once (<see cref="ParallelFiles"/>),
/// and hands their items on in path order with notices about skipped files in their place.
/// </summary>
internal static class FileReads
{
    /// <summary>The items of a file, or of every log file under a directory, in path order; data errors never throw here.</summary>
    public static IAsyncEnumerable<ReadItem> ReadAsync(string path, ICloudTrailEventFactory factory, CloudTrailReaderOptions options, CancellationToken cancellationToken)
    {
        bool directory = Directory.Exists(path);
        var notice = options.OnNotice;
        var files = LogFileTree.Enumerate(
            path,
            notice is null ? null : digest => notice($"{digest}: a CloudTrail digest file, not a log; skipped"),
            notice is null ? null : special => notice($"{special}: {LogFileTree.NotRegularNote}; skipped"));
        return options.MaxParallelFiles > 1 && files.Count > 1
            ? ParallelFiles.ReadInOrderAsync(files, options.MaxParallelFiles, (file, token) => ReadOneFileWithNoticesAsync(file, factory, options, token), cancellationToken)
            : ReadFilesAsync(files, factory, options, directory, cancellationToken);
    }

    private static async IAsyncEnumerable<ReadItem> ReadFilesAsync(
        IReadOnlyList<string> files,
        ICloudTrailEventFactory factory,
        CloudTrailReaderOptions options,
        bool skipNonJson,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (string file in files)
        {
            // One file alone may use a second core for its inflation.
            await foreach (var item in ReadOneFileAsync(file, factory, options, skipNonJson, readAhead: files.Count == 1 && options.MaxParallelFiles > 1, cancellationToken).ConfigureAwait(false))
            {
                yield return item;
            }
        }
    }

    // A file read on another thread holds back its notices and yields them as items in their
    // place, so that OnNotice is called in order, on the consumer's thread, as in a sequential read.
    private static async IAsyncEnumerable<ReadItem> ReadOneFileWithNoticesAsync(
        string file,
        ICloudTrailEventFactory factory,
        CloudTrailReaderOptions options,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var notices = options.OnNotice is null ? null : new List<string>();
        var fileOptions = notices is null ? options : options.WithNotices(notices.Add);
        await foreach (var item in ReadOneFileAsync(file, factory, fileOptions, skipNonJson: true, readAhead: false, cancellationToken).ConfigureAwait(false))
        {
            if (notices is { Count: > 0 })
            {
                foreach (string notice in notices)
                {
                    yield return new ReadItem(null, null, Notice: notice);
                }

                notices.Clear();
            }

            yield return item;
        }

        if (notices is not null)
        {
            foreach (string notice in notices)
            {
                yield return new ReadItem(null, null, Notice: notice);
            }
        }
    }

    private static async IAsyncEnumerable<ReadItem> ReadOneFileAsync(
        string file,
        ICloudTrailEventFactory factory,
        CloudTrailReaderOptions options,
        bool skipNonJson,
        bool readAhead,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var stream = SynchronousReadStream.Open(file);
        await using (stream.ConfigureAwait(false))
        {
            await foreach (var item in ReadSources.FromStreamAsync(stream, factory, options, file, skipNonJson, readAhead, cancellationToken).ConfigureAwait(false))
            {
                yield return item;
            }
        }
    }
}
