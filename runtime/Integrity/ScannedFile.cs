namespace GlacierTrail.Integrity;

/// <summary>A file found under a root, with its place in the <c>AWSLogs/</c> layout.</summary>
internal sealed record ScannedFile(string Path, string Root, AwsLogsLocation Location);
