namespace GlacierTrail.Integrity;

/// <summary>The file a finding names: its S3 object key and where it is, or would be, on disk.</summary>
/// <param name="S3Key">The object key as CloudTrail wrote it (a digest's <c>digestS3Object</c>, a log's <c>s3Object</c>), or from <c>AWSLogs/</c> on for a file found on disk.</param>
/// <param name="LocalPath">The path on disk; for a missing file, where it was looked for; null when a key was rejected and never turned into a path.</param>
public sealed record IntegrityFile(string? S3Key, string? LocalPath);
