namespace GlacierTrail.Framing;

/// <summary>
/// One outcome of framing: an event, or an error in its place in the sequence; or a notice about
/// input skipped on purpose, carried in its place when a file is read on another thread.
/// </summary>
internal readonly record struct ReadItem(CloudTrailEvent? Event, CloudTrailReadException? Error, string? Notice = null);
