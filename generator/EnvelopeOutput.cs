using GlacierTrail.Gen.Model;

namespace GlacierTrail.Gen;

/// <summary>Input of the envelope's source files.</summary>
internal sealed record EnvelopeOutput(EnvelopeSpec Spec, string Namespace);
