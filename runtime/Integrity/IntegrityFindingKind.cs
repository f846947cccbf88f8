namespace GlacierTrail.Integrity;

/// <summary>What a finding of <see cref="DigestValidator"/> is about.</summary>
public enum IntegrityFindingKind
{
    /// <summary>The SHA-256 of a log file's uncompressed content differs from its digest's <c>hashValue</c>.</summary>
    LogFileHashMismatch,

    /// <summary>A log file a digest references is not on disk.</summary>
    LogFileMissing,

    /// <summary>A log file a digest references cannot be read or inflated.</summary>
    LogFileUnreadable,

    /// <summary>A log file's <c>s3Object</c> would lead outside the folder being verified, or is not a plain key.</summary>
    LogFilePathRejected,

    /// <summary>A log file no digest references, although a digest covers its delivery time (a file added afterwards).</summary>
    LogFileUnreferenced,

    /// <summary>A log file no digest covers: newer than the newest digest (not yet covered), or in a stretch without digests.</summary>
    LogFileNotCovered,

    /// <summary>Log files in an account and region that has no digest at all.</summary>
    NoDigest,

    /// <summary>A digest's signature does not verify over its signed text.</summary>
    DigestSignatureInvalid,

    /// <summary>A digest's bytes do not hash to the <c>previousDigestHashValue</c> the next digest recorded.</summary>
    DigestHashMismatch,

    /// <summary>A digest is not where its <c>digestS3Object</c> says it was written.</summary>
    DigestMoved,

    /// <summary>A digest of a chain is not on disk.</summary>
    DigestMissing,

    /// <summary>A digest file cannot be read, inflated or parsed, or lacks a member validation needs.</summary>
    DigestUnreadable,

    /// <summary>No public key was supplied for a digest's <c>digestPublicKeyFingerprint</c>.</summary>
    PublicKeyNotFound,

    /// <summary>The digest's key was not valid at the digest's end time.</summary>
    PublicKeyNotValid,

    /// <summary>A digest whose signature could not be checked: the newest of its chain, with no signature supplied.</summary>
    DigestNotSignatureChecked,

    /// <summary>A digest starts a new chain (its <c>previousDigest*</c> members are null) although earlier digests exist.</summary>
    ChainRestart,
}
