using GlacierTrail.Gen.Model;

namespace GlacierTrail.Gen;

/// <summary>Input of the dispatcher's source file.</summary>
internal sealed record DispatcherOutput(EquatableArray<EventIdentity> Events, string Namespace, bool Emit);
