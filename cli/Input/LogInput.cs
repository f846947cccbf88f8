using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using GlacierTrail.Cli.Output;
using GlacierTrail.Events;
using GlacierTrail.Reading;

namespace GlacierTrail.Cli.Input;

/// <summary>
/// Reads the paths given on the command line (a directory's files several at once, delivered in
/// path order), so every event is known with its file and record index. Unreadable records are reported on stderr (file, record, byte offset) and
/// counted, and the read goes on.
/// </summary>
internal sealed class LogInput
{
    private readonly IReadOnlyList<string> _paths;
    private readonly TextWriter _stderr;
    private readonly Progress _progress;
    private readonly bool _strict;
    private readonly Func<Stream> _openStdin;
    private readonly bool _quiet;
    private readonly Dictionary<string, long> _skipReasons = new(StringComparer.Ordinal);
    private readonly List<string> _notices = new();
    private readonly List<InputFileHash> _hashes = new();
    private readonly EventFilter? _sources;

    /// <param name="paths">Files, directories and <c>-</c> for standard input.</param>
    /// <param name="context">Where messages go and where standard input comes from.</param>
    /// <param name="strict">Whether a record's first problem fails it.</param>
    /// <param name="sources">
    /// The filter whose event sources the command keeps: records of other services are passed
    /// over unparsed (still counted as read); null reads every record.
    /// </param>
    public LogInput(IReadOnlyList<string> paths, CliContext context, bool strict = false, EventFilter? sources = null)
    {
        _sources = sources;
        _paths = paths;
        _stderr = context.Stderr;
        _progress = new Progress(context.Stderr, context.StderrIsTerminal);
        _strict = strict;
        _openStdin = context.OpenStdin;
        _quiet = context.Quiet;
    }

    /// <summary>Files read.</summary>
    public long Files { get; private set; }

    /// <summary>Records read into events.</summary>
    public long Records { get; private set; }

    /// <summary>Records (or files) that could not be read.</summary>
    public long Errors { get; private set; }

    /// <summary>Bytes of the files read (as stored, compressed or not).</summary>
    public long Bytes { get; private set; }

    /// <summary>Why records were skipped: the error's detail, with a count.</summary>
    public IReadOnlyDictionary<string, long> SkipReasons => _skipReasons;

    /// <summary>Input skipped on purpose (digest files, files that are not JSON logs).</summary>
    public IReadOnlyList<string> Notices => _notices;

    /// <summary>
    /// Whether notes go to stderr as they come (default). The summary lists them in its report
    /// instead, so each skipped input is reported once.
    /// </summary>
    public bool EchoNotices { get; set; } = true;

    /// <summary>The path that names standard input.</summary>
    public const string StandardInput = "-";

    /// <summary>The first path that names neither a file nor a directory (nor standard input), or null.</summary>
    public string? FindMissingPath()
    {
        foreach (string path in _paths)
        {
            if (path != StandardInput && !File.Exists(path) && !Directory.Exists(path))
            {
                return path;
            }
        }

        return null;
    }

    /// <summary>
    /// The events of every path, in order: a directory's files are read several at once (one per
    /// processor) and replayed here in path order, so notices, errors, progress and counts come
    /// from this thread exactly as in a read of one file after another.
    /// </summary>
    public async IAsyncEnumerable<InputRecord> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var reader = new LogFileReader(_strict, _openStdin, _sources?.SourcesUtf8(), HashFiles);
        foreach (string path in _paths)
        {
            bool inDirectory = path != StandardInput && Directory.Exists(path);
            var files = inDirectory ? Enumerate(path) : new[] { path };
            var items = files.Count > 1 && MaxParallelFiles > 1
                ? ParallelFiles.ReadInOrderAsync(files, MaxParallelFiles, (file, token) => reader.ReadAsync(file, inDirectory, alone: false, token), cancellationToken)
                : ReadInTurnAsync(reader, files, inDirectory, cancellationToken);
            long before = Bytes;
            await foreach (var item in items.ConfigureAwait(false))
            {
                switch (item.Kind)
                {
                    case FileItemKind.Opened:
                        Files++;
                        before = Bytes;
                        break;
                    case FileItemKind.Event:
                        Records++;
                        if (item.Position >= 0)
                        {
                            Bytes = before + item.Position;
                        }

                        _progress.Update(Files, Records, Bytes);
                        yield return new InputRecord(item.Event!, item.Source, item.RecordIndex);
                        break;
                    case FileItemKind.Error:
                        ReportError(item.Error!);
                        break;
                    case FileItemKind.Notice:
                        ReportNotice(item.Notice!);
                        break;
                    case FileItemKind.Closed:
                        Records += item.Skipped;
                        if (item.Hash is { } hash)
                        {
                            _hashes.Add(hash);
                        }

                        if (item.Position >= 0)
                        {
                            Bytes = before + item.Position;
                        }

                        break;
                }
            }
        }

        _progress.Clear();
    }

    /// <summary>Whether each file is hashed (SHA-256) as it is read, into <see cref="FileHashes"/>.</summary>
    public bool HashFiles { get; set; }

    /// <summary>The files read, in path order, with their hashes (when <see cref="HashFiles"/>).</summary>
    public IReadOnlyList<InputFileHash> FileHashes => _hashes;

    /// <summary>How many files of a directory are read at once (default: one per processor).</summary>
    public int MaxParallelFiles { get; init; } = Environment.ProcessorCount;

    private static async IAsyncEnumerable<FileItem> ReadInTurnAsync(LogFileReader reader, IReadOnlyList<string> files, bool inDirectory, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (string file in files)
        {
            await foreach (var item in reader.ReadAsync(file, inDirectory, alone: files.Count == 1, cancellationToken).ConfigureAwait(false))
            {
                yield return item;
            }
        }
    }

    /// <summary>Reports a message about the run on stderr, escaped, below any progress line.</summary>
    public void Message(string text)
    {
        _progress.Clear();
        _stderr.WriteLine("glaciertrail: " + TerminalText.Escape(text));
    }

    /// <summary>Receives each record that could not be read (for <c>--rejects</c>).</summary>
    public Action<CloudTrailReadException>? Rejected { get; set; }

    private void ReportError(CloudTrailReadException error)
    {
        Errors++;
        Rejected?.Invoke(error);
        _skipReasons[error.Detail] = _skipReasons.GetValueOrDefault(error.Detail) + 1;
        Message("error: " + error.Message);
    }

    private void ReportNotice(string notice)
    {
        _notices.Add(notice);
        if (EchoNotices && !_quiet)
        {
            Message("note: " + notice);
        }
    }

    private IReadOnlyList<string> Enumerate(string directory)
    {
        try
        {
            return LogFiles.Enumerate(
                directory,
                digest => ReportNotice($"{digest}: a CloudTrail digest file; skipped"),
                special => ReportNotice($"{special}: {LogFiles.NotRegularNote}; skipped"));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            ReportError(new CloudTrailReadException("cannot list the directory: " + ex.Message, directory));
            return Array.Empty<string>();
        }
    }
}
