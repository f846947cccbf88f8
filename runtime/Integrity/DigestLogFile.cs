namespace GlacierTrail.Integrity;

/// <summary>One entry of a digest's <c>logFiles</c>: the log file's key and the SHA-256 of its uncompressed content (lowercase hex).</summary>
internal sealed record DigestLogFile(string S3Object, string HashValue);
