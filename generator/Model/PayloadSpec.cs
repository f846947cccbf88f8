namespace GlacierTrail.Gen.Model;

/// <summary>The payloads of an event: a type for each one the schema declares, null for raw.</summary>
internal sealed record PayloadSpec(string JsonName, string CSharpName, TypeRef? Type, string? Description);
