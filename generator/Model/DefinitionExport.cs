namespace GlacierTrail.Gen.Model;

/// <summary>A definition a file exports for <c>$ref</c>s from other files.</summary>
internal sealed record DefinitionExport(string Target, TypeRef Type);
