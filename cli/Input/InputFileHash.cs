namespace GlacierTrail.Cli.Input;

/// <summary>An input file as read: its path (or <c>stdin</c>), its size and its SHA-256 (lowercase hex), or null when it could not be read to its end.</summary>
internal sealed record InputFileHash(string Path, long Bytes, string? Sha256);
