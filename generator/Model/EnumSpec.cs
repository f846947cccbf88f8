namespace GlacierTrail.Gen.Model;

/// <summary>A generated string-backed value type with named known values.</summary>
internal sealed record EnumSpec(string Name, string? Description, EquatableArray<EnumMemberSpec> Members);
