namespace GlacierTrail.Gen;

/// <summary>A schema file's path and text, as the pipeline's first cached value.</summary>
internal sealed record SchemaFile(string Path, string? Text);
