namespace GlacierTrail.Serialization;

/// <summary>
/// A problem as the reader meets it: where it is as a byte offset into the record, since the
/// member path is only worth building for records that have problems, once they are read.
/// </summary>
/// <param name="Kind">What kind of surprise it is.</param>
/// <param name="Offset">The offset in the record of the token the problem is about: the value, the repeated member's name, or the end of the object a member is missing from.</param>
/// <param name="Member">For a missing member, its name, appended to the path of the object at <paramref name="Offset"/>.</param>
/// <param name="Message">What was expected and what was found.</param>
/// <param name="Raw">The value as written, where there is one.</param>
internal readonly record struct PendingProblem(CloudTrailProblemKind Kind, long Offset, string? Member, string Message, RawJson? Raw);
