using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using GlacierTrail.Cli.Output;
using GlacierTrail.Events;

namespace GlacierTrail.Cli.Input;

/// <summary>
/// Reads the paths given on the command line file by file, so every event is known with its file
/// and record index. Unreadable records are reported on stderr (file, record, byte offset) and
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
    private long _nextIndex;

    public LogInput(IReadOnlyList<string> paths, CliContext context, bool strict = false)
    {
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

    /// <summary>Whether each file is hashed (SHA-256) as it is read, into <see cref="FileHashes"/>.</summary>
    public bool HashFiles { get; set; }

    /// <summary>The files read, in the order read, with their hashes (when <see cref="HashFiles"/>).</summary>
    public IReadOnlyList<InputFileHash> FileHashes => _hashes;

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

    public async IAsyncEnumerable<InputRecord> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var options = new CloudTrailReaderOptions
        {
            ErrorHandling = CloudTrailErrorHandling.Skip,
            OnError = ReportError,
            OnNotice = ReportNotice,
            Strict = _strict,
        };

        foreach (string path in _paths)
        {
            bool inDirectory = path != StandardInput && Directory.Exists(path);
            foreach (string file in inDirectory ? Enumerate(path) : new[] { path })
            {
                if (inDirectory && !LooksLikeLog(file))
                {
                    ReportNotice($"{file}: not a JSON log file; skipped");
                    continue;
                }

                string source = file == StandardInput ? "stdin" : file;
                Stream stream;
                try
                {
                    // A path is opened as given: a pipe, /dev/stdin or a process substitution
                    // reads like a file, only without seeking.
                    stream = file == StandardInput
                        ? _openStdin()
                        : new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    ReportError(new CloudTrailReadException("cannot open it: " + ex.Message, source));
                    continue;
                }

                Files++;
                _nextIndex = 0;
                long before = Bytes;
                var hashing = HashFiles ? new HashingStream(stream) : null;
                bool readToEnd = true;
                await using (stream.ConfigureAwait(false))
                {
                    // Read errors of the device or pipe (not of the data) end this input with an
                    // error and the run goes on; a yield cannot sit in a try with a catch.
                    var events = GlacierTrailEvents.ReadAsync(hashing ?? stream, options, source, cancellationToken).GetAsyncEnumerator(cancellationToken);
                    await using (events.ConfigureAwait(false))
                    {
                        while (true)
                        {
                            try
                            {
                                if (!await events.MoveNextAsync().ConfigureAwait(false))
                                {
                                    break;
                                }
                            }
                            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
                            {
                                ReportError(new CloudTrailReadException("cannot read it: " + ex.Message, source));
                                readToEnd = false;
                                break;
                            }

                            Records++;
                            if (stream.CanSeek)
                            {
                                Bytes = before + stream.Position;
                            }

                            _progress.Update(Files, Records, Bytes);
                            yield return new InputRecord(events.Current, source, _nextIndex++);
                        }
                    }

                    if (stream.CanSeek)
                    {
                        Bytes = before + stream.Length;
                    }

                    if (hashing is not null)
                    {
                        await FinishHashAsync(hashing, source, readToEnd, cancellationToken).ConfigureAwait(false);
                    }
                }
            }
        }

        _progress.Clear();
    }

    private async Task FinishHashAsync(HashingStream hashing, string source, bool readToEnd, CancellationToken cancellationToken)
    {
        string? hash = null;
        try
        {
            hash = await hashing.FinishAsync(readToEnd, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            // A read error the reader did not meet: the hash would cover part of the input only.
        }

        _hashes.Add(new InputFileHash(source, hashing.BytesRead, hash));
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
        if (error.RecordIndex >= 0)
        {
            _nextIndex = error.RecordIndex + 1;
        }

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

    private IEnumerable<string> Enumerate(string directory)
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

    // In a directory, only files that start like JSON (or gzip, as S3 delivers logs) are read;
    // a stray README or checksum file is noted, not an error.
    private static bool LooksLikeLog(string file)
    {
        Span<byte> head = stackalloc byte[64];
        int read;
        try
        {
            using var stream = File.OpenRead(file);
            read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return true; // let the reader report it
        }

        return LogFiles.StartsLikeLog(head[..read]);
    }
}
