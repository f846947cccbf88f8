namespace GlacierTrail.Gen.Model;

/// <summary>One named value of a generated enum type.</summary>
internal sealed record EnumMemberSpec(string Value, string CSharpName);
