namespace GlacierTrail.Gen.Model;

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
