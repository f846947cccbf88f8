namespace GlacierTrail.Gen.Model;

/// <summary>A file with only shared <c>$defs</c>: its types, and what it exports.</summary>
internal sealed record DefinitionsSpec(
    string Path,
    EquatableArray<ClassSpec> Classes,
    EquatableArray<EnumSpec> Enums,
    EquatableArray<DefinitionExport> Exports,
    bool HasExternalReferences);
