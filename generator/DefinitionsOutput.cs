using GlacierTrail.Gen.Model;

namespace GlacierTrail.Gen;

/// <summary>Input of one definitions file's source file.</summary>
internal sealed record DefinitionsOutput(DefinitionsSpec Spec, string Namespace, string HintName);
