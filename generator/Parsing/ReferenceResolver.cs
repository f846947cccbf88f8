using System.Collections.Generic;
using System.Linq;
using GlacierTrail.Gen.Diagnostics;
using GlacierTrail.Gen.Model;

namespace GlacierTrail.Gen.Parsing;

/// <summary>
/// Replaces <c>$ref</c>s into other files with the types those files export. Runs after every
/// file is parsed, on the small index of exports only, so editing one event schema never
/// re-parses another.
/// </summary>
internal static class ReferenceResolver
{
    public static EventSpec Resolve(EventSpec spec, EquatableArray<DefinitionExport> index)
    {
        if (!spec.HasExternalReferences)
        {
            return spec;
        }

        var lookup = ToLookup(index);
        return spec with
        {
            Payloads = spec.Payloads.Select(p => p with { Type = p.Type is null ? null : Resolve(p.Type, lookup, 0) }).ToEquatableArray(),
            Classes = ResolveClasses(spec.Classes, lookup),
        };
    }

    public static DefinitionsSpec Resolve(DefinitionsSpec spec, EquatableArray<DefinitionExport> index) =>
        spec.HasExternalReferences ? spec with { Classes = ResolveClasses(spec.Classes, ToLookup(index)) } : spec;

    /// <summary>The references of one file that nothing in the compilation defines.</summary>
    public static EquatableArray<DiagnosticInfo> Check(EquatableArray<ExternalReference> references, EquatableArray<DefinitionExport> index)
    {
        if (references.Count == 0)
        {
            return EquatableArray<DiagnosticInfo>.Empty;
        }

        var lookup = ToLookup(index);
        return references
            .Where(r => !lookup.ContainsKey(r.Target))
            .Select(r => DiagnosticInfo.Create(DiagnosticDescriptors.MissingExternalDefinition, r.Location, r.Written, r.Target))
            .ToEquatableArray();
    }

    private static Dictionary<string, TypeRef> ToLookup(EquatableArray<DefinitionExport> index)
    {
        var lookup = new Dictionary<string, TypeRef>();
        foreach (var export in index)
        {
            lookup[export.Target] = export.Type;
        }

        return lookup;
    }

    private static EquatableArray<ClassSpec> ResolveClasses(EquatableArray<ClassSpec> classes, Dictionary<string, TypeRef> lookup) =>
        classes.Select(c => c with
        {
            Properties = c.Properties.Select(p => p with { Type = Resolve(p.Type, lookup, 0) }).ToEquatableArray(),
        }).ToEquatableArray();

    // Exports may themselves be references into a third file; the depth bound stops a cycle.
    private static TypeRef Resolve(TypeRef type, Dictionary<string, TypeRef> lookup, int depth) => type.Kind switch
    {
        TypeKind.External when depth < 16 && lookup.TryGetValue(type.Name, out var target) => Resolve(target, lookup, depth + 1),
        TypeKind.External => TypeRef.Raw,
        TypeKind.Array or TypeKind.Map => type with { Element = Resolve(type.Element!, lookup, depth) },
        _ => type,
    };
}
