namespace GlacierTrail.Integrity;

/// <summary>A log file's SHA-256 and uncompressed size, or the reason it could not be read.</summary>
internal readonly record struct LogFileHash(byte[]? Sha256, long Bytes, string? Error);
