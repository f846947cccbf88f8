namespace GlacierTrail.Cli.Input;

/// <summary>
/// One step in the reading of one file, as it crosses from the task that reads the file to the
/// thread that reports, counts and writes, where every file's steps are replayed in path order.
/// </summary>
/// <param name="Kind">What happened.</param>
/// <param name="Source">The file's name in messages (<c>stdin</c> for standard input).</param>
/// <param name="Event">The event, for <see cref="FileItemKind.Event"/>.</param>
/// <param name="RecordIndex">The event's 0-based record index in its file.</param>
/// <param name="Error">The error, for <see cref="FileItemKind.Error"/>.</param>
/// <param name="Notice">The note, for <see cref="FileItemKind.Notice"/>.</param>
/// <param name="Position">Bytes of the file read so far (its length once closed), or -1 when it cannot seek.</param>
/// <param name="Skipped">For <see cref="FileItemKind.Closed"/>: records of other services the source filter passed over.</param>
/// <param name="Hash">For <see cref="FileItemKind.Closed"/>, when files are hashed: the file's size and SHA-256.</param>
internal readonly record struct FileItem(
    FileItemKind Kind,
    string Source,
    CloudTrailEvent? Event = null,
    long RecordIndex = -1,
    CloudTrailReadException? Error = null,
    string? Notice = null,
    long Position = -1,
    long Skipped = 0,
    InputFileHash? Hash = null);
