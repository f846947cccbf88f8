namespace GlacierTrail.Gen.Model;

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
