using System;
using System.Collections.Generic;

namespace GlacierTrail.Integrity;

/// <summary>The members of a digest file that validation uses, strings exactly as written.</summary>
internal sealed record DigestDocument
{
    public required string DigestStartTimeText { get; init; }

    public required DateTimeOffset DigestStartTime { get; init; }

    public required string DigestEndTimeText { get; init; }

    public required DateTimeOffset DigestEndTime { get; init; }

    public required string DigestS3Bucket { get; init; }

    public required string DigestS3Object { get; init; }

    public required string DigestPublicKeyFingerprint { get; init; }

    public string? PreviousDigestS3Object { get; init; }

    public string? PreviousDigestHashValue { get; init; }

    public string? PreviousDigestSignature { get; init; }

    public required IReadOnlyList<DigestLogFile> LogFiles { get; init; }
}
