namespace GlacierTrail.Gen.Model;

/// <summary>One property of a generated class.</summary>
/// <param name="JsonName">The JSON key, exactly.</param>
/// <param name="CSharpName">The C# property name (a valid identifier).</param>
/// <param name="Type">The property's type.</param>
/// <param name="Nullable">Not required, or the schema's type includes null.</param>
/// <param name="Required">Listed in <c>required</c>: a record without it fails.</param>
/// <param name="Description">The schema's description, if any.</param>
internal sealed record PropertySpec(string JsonName, string CSharpName, TypeRef Type, bool Nullable, bool Required, string? Description);
