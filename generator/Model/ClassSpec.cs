namespace GlacierTrail.Gen.Model;

/// <summary>A generated class for a JSON object with properties.</summary>
/// <param name="Name">The class name.</param>
/// <param name="JsonPath">Where the object sits, for messages (e.g. <c>requestParameters.jobParameters</c>).</param>
internal sealed record ClassSpec(string Name, string JsonPath, string? Description, EquatableArray<PropertySpec> Properties);
