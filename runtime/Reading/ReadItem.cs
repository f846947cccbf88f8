namespace GlacierTrail;

/// <summary>One outcome of framing: an event, or an error in its place in the sequence.</summary>
internal readonly record struct ReadItem(CloudTrailEvent? Event, CloudTrailReadException? Error);
