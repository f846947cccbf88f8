using System;

namespace GlacierTrail;

/// <summary>Limits and error policy for reading CloudTrail logs. The defaults are safe for untrusted input.</summary>
public sealed class CloudTrailReaderOptions
{
    private Action<string>? _onNotice;

    /// <summary>The shared defaults.</summary>
    public static CloudTrailReaderOptions Default { get; } = new();

    /// <summary>
    /// The largest record, in bytes, that is read (default 8 MiB; CloudTrail itself caps events
    /// far below that). A larger record is an error for that record.
    /// </summary>
    public int MaxRecordBytes { get; init; } = 8 * 1024 * 1024;

    /// <summary>
    /// The longest JSON string (a value or a member name), in UTF-8 bytes as written, accepted in
    /// a record read from a stream or file (default 1 MiB). A longer string fails its record,
    /// which is passed over without being held whole.
    /// </summary>
    public int MaxStringBytes { get; init; } = 1024 * 1024;

    /// <summary>The deepest JSON nesting accepted in a record (default 64).</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>What to do when a record or a file cannot be read (default: throw).</summary>
    public CloudTrailErrorHandling ErrorHandling { get; init; } = CloudTrailErrorHandling.Throw;

    /// <summary>Receives each error when <see cref="ErrorHandling"/> is <see cref="CloudTrailErrorHandling.Skip"/>.</summary>
    public Action<CloudTrailReadException>? OnError { get; init; }

    /// <summary>
    /// Whether a record's first problem fails it (default: false). By default every record that
    /// is a JSON object is delivered, typed as far as it goes, with what did not fit in
    /// <see cref="CloudTrailEvent.Problems"/>: a missing or repeated member, a value of another
    /// JSON type, a timestamp not in CloudTrail's form. Strict mode turns the first such problem
    /// into a <see cref="CloudTrailReadException"/> for the record instead; it is for schema
    /// authors and CI checks that must prove records match their schemas.
    /// </summary>
    public bool Strict { get; init; }

    /// <summary>How values are read (default: detected from the content of each value).</summary>
    public CloudTrailInputFormat Format { get; init; } = CloudTrailInputFormat.Auto;

    /// <summary>
    /// The most bytes one source may inflate to (default 2 GiB; CloudTrail log files are far
    /// smaller). Stops gzip bombs; reading of that source ends with an error.
    /// </summary>
    public long MaxInflatedBytes { get; init; } = 2L * 1024 * 1024 * 1024;

    /// <summary>
    /// How many files of a directory are read at once (default: <see cref="Environment.ProcessorCount"/>;
    /// 1 reads them one after another). Events still come in path order, each file's in file
    /// order; errors and notices are reported in that order too, on the reading thread.
    /// </summary>
    public int MaxParallelFiles { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Reads only the records this accepts (default: all). It sees each record's
    /// <c>eventSource</c> and <c>eventName</c> as UTF-8 before anything else in the record is
    /// read, so rejected records cost little more than finding their end, and are neither
    /// parsed nor checked: errors inside them are not reported (damage that stops the reading
    /// of the file still is). Record indices in error messages still count every record.
    /// A record without a string <c>eventSource</c> and <c>eventName</c> is always read.
    /// Applies to the records <see cref="CloudTrailLogReader"/> reads in every input format,
    /// not to one record parsed alone (the generated <c>GlacierTrailEvents.ParseRecord</c>).
    /// </summary>
    /// <example>
    /// Only Glacier: <c>EventFilter = static (source, _) => source.SequenceEqual("glacier.amazonaws.com"u8)</c>.
    /// </example>
    public CloudTrailRecordFilter? EventFilter { get; init; }

    /// <summary>Receives notes about input that is skipped on purpose (digest files, non-log files, control messages).</summary>
    public Action<string>? OnNotice { get => _onNotice; init => _onNotice = value; }

    /// <summary>
    /// How many bytes of a stream or file may follow damage without a readable record before the
    /// reading of that source stops with one error (default 128 MiB; 0 or less for no limit).
    /// Counted from the first error since the last record read, so a record read starts the
    /// count again: a log with a damaged stretch shorter than this (one record far over
    /// <see cref="MaxRecordBytes"/>, passed over whole, included) recovers after it, while binary
    /// data, <c>/dev/zero</c> or anything else that is not a log ends within this many bytes
    /// (well under a second of reading) instead of yielding errors, or skipping, for ever.
    /// Applies to streams and files (a log in memory has an end).
    /// </summary>
    public long MaxConsecutiveDamageBytes { get; init; } = 128L * 1024 * 1024;

    /// <summary>
    /// How many errors in a row, with no readable record between them, a stream or file may
    /// yield before its reading stops with one more error (default 1,000; 0 or less for no
    /// limit). The companion of <see cref="MaxConsecutiveDamageBytes"/> for damage that comes in
    /// short pieces (a text file of lines that are not records): such a source ends after this
    /// many errors, in a fraction of a second, instead of reporting one per line to its end.
    /// </summary>
    public int MaxConsecutiveErrors { get; init; } = 1000;

    /// <summary>
    /// These options with notices sent to <paramref name="onNotice"/>: a file read on another
    /// thread collects its notices so that they reach the caller in order, on the caller's thread.
    /// </summary>
    internal CloudTrailReaderOptions WithNotices(Action<string>? onNotice)
    {
        var copy = (CloudTrailReaderOptions)MemberwiseClone();
        copy._onNotice = onNotice;
        return copy;
    }
}
