namespace GlacierTrail.Gen.Model;

/// <summary>One property of a generated class.</summary>
/// <param name="JsonName">The JSON key, exactly.</param>
/// <param name="CSharpName">The C# property name (a valid identifier).</param>
/// <param name="Type">The property's type.</param>
/// <param name="Nullable">Not required, or the schema's type includes null.</param>
/// <param name="Required">Listed in <c>required</c>: a record without it fails.</param>
/// <param name="Description">The schema's description, if any.</param>
internal sealed record PropertySpec(string JsonName, string CSharpName, TypeRef Type, bool Nullable, bool Required, string? Description);

/// <summary>A generated class for a JSON object with properties.</summary>
/// <param name="Name">The class name.</param>
/// <param name="JsonPath">Where the object sits, for messages (e.g. <c>requestParameters.jobParameters</c>).</param>
internal sealed record ClassSpec(string Name, string JsonPath, string? Description, EquatableArray<PropertySpec> Properties);

/// <summary>One named value of a generated enum type.</summary>
internal sealed record EnumMemberSpec(string Value, string CSharpName);

/// <summary>A generated string-backed value type with named known values.</summary>
internal sealed record EnumSpec(string Name, string? Description, EquatableArray<EnumMemberSpec> Members);

/// <summary>The payloads of an event: a type for each one the schema declares, null for raw.</summary>
internal sealed record PayloadSpec(string JsonName, string CSharpName, TypeRef? Type, string? Description);

/// <summary>Everything needed to emit one event type.</summary>
internal sealed record EventSpec(
    string Path,
    string EventSource,
    string EventName,
    string ClassName,
    string? Description,
    string? Evidence,
    EquatableArray<PayloadSpec> Payloads,
    EquatableArray<ClassSpec> Classes,
    EquatableArray<EnumSpec> Enums,
    bool HasExternalReferences);

/// <summary>A definition a file exports for <c>$ref</c>s from other files.</summary>
internal sealed record DefinitionExport(string Target, TypeRef Type);

/// <summary>A file with only shared <c>$defs</c>: its types, and what it exports.</summary>
internal sealed record DefinitionsSpec(
    string Path,
    EquatableArray<ClassSpec> Classes,
    EquatableArray<EnumSpec> Enums,
    EquatableArray<DefinitionExport> Exports,
    bool HasExternalReferences);

/// <summary>
/// The result of parsing one schema file. Positions (for diagnostics) are kept beside the specs,
/// never in them, so moving text around without changing meaning regenerates no code.
/// </summary>
internal sealed record ParsedSchema(
    string Path,
    EventSpec? Event,
    DefinitionsSpec? Definitions,
    EquatableArray<DiagnosticInfo> Diagnostics,
    EquatableArray<ExternalReference> ExternalReferences,
    DiagnosticLocation? BindingLocation);

/// <summary>What identifies an event for dispatch and conflict checks.</summary>
internal sealed record EventIdentity(string Path, string EventSource, string EventName, string ClassName, DiagnosticLocation? Location);

/// <summary>A <c>$ref</c> into another file: the normalized target, as written, and where.</summary>
internal sealed record ExternalReference(string Target, string Written, DiagnosticLocation Location);
