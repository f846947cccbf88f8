using GlacierTrail.Gen.Model;

namespace GlacierTrail.Gen;

/// <summary>Input of one event type's source file.</summary>
internal sealed record EventOutput(EventSpec Spec, string Namespace);
