using GlacierTrail.Gen.Model;

namespace GlacierTrail.Gen;

/// <summary>The types a file of shared definitions generates, for checks across files.</summary>
internal sealed record DefinitionsIdentity(string Path, EquatableArray<string> TypeNames);
