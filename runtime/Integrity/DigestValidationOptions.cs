using System;
using System.Collections.Generic;

namespace GlacierTrail.Integrity;

/// <summary>What <see cref="DigestValidator"/> validates against, and how.</summary>
public sealed class DigestValidationOptions
{
    /// <summary>
    /// The CloudTrail public keys (from <c>aws cloudtrail list-public-keys</c>, fetched from AWS,
    /// never taken from the folder being verified). A digest's key is the one whose fingerprint
    /// equals its <c>digestPublicKeyFingerprint</c>.
    /// </summary>
    public IReadOnlyList<DigestPublicKey> PublicKeys { get; init; } = [];

    /// <summary>
    /// Signatures of digests by <c>digestS3Object</c> (hex, from each digest's
    /// <c>x-amz-meta-signature</c>): needed for the newest digest of each chain, checked too for
    /// any other digest they name.
    /// </summary>
    public IReadOnlyDictionary<string, string> Signatures { get; init; } = new Dictionary<string, string>();

    /// <summary>Only digests whose period ends after this time, and log files delivered from then on, are reported on (default: all).</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Only digests whose period starts before this time, and log files delivered before then, are reported on (default: all).</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>Every finding is an error, warnings included: for a pipeline that must prove everything.</summary>
    public bool Strict { get; init; }

    /// <summary>
    /// The limits digests are read with: <see cref="CloudTrailReaderOptions.MaxRecordBytes"/> caps a
    /// digest's uncompressed size, <see cref="CloudTrailReaderOptions.MaxDepth"/> its nesting, and
    /// <see cref="CloudTrailReaderOptions.MaxInflatedBytes"/> each log file's uncompressed size.
    /// </summary>
    public CloudTrailReaderOptions Limits { get; init; } = CloudTrailReaderOptions.Default;

    /// <summary>How many files are hashed at once (default: one per processor).</summary>
    public int MaxParallelFiles { get; init; } = Environment.ProcessorCount;
}
