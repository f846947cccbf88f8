namespace GlacierTrail.Gen;

/// <summary>A definitions file's output name.</summary>
internal sealed record DefinitionsHint(string Path, string HintName);
