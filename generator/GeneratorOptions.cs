using System;
using GlacierTrail.Gen.Diagnostics;
using GlacierTrail.Gen.Model;
using GlacierTrail.Gen.Parsing;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GlacierTrail.Gen;

/// <summary>The MSBuild properties the generator reads (through CompilerVisibleProperty).</summary>
/// <param name="EmitEnvelope">
/// Internal to this repository: the runtime project sets <c>GlacierTrailEmitEnvelope</c> to have
/// its envelope generated from the record schema's root. Users' builds leave it off.
/// </param>
internal sealed record GeneratorOptions(string Namespace, bool EmitDispatcher, DiagnosticInfo? Problem, bool EmitEnvelope = false)
{
    public const string DefaultNamespace = "GlacierTrail.Events";

    public static GeneratorOptions From(AnalyzerConfigOptionsProvider provider, System.Threading.CancellationToken cancellationToken)
    {
        var global = provider.GlobalOptions;
        string ns = global.TryGetValue("build_property.GlacierTrailNamespace", out string? configured) && !string.IsNullOrWhiteSpace(configured)
            ? configured.Trim()
            : DefaultNamespace;
        DiagnosticInfo? problem = null;
        if (!Naming.IsNamespace(ns))
        {
            problem = DiagnosticInfo.Create(DiagnosticDescriptors.InvalidNamespace, null, ns);
            ns = DefaultNamespace;
        }

        bool emitDispatcher = !(global.TryGetValue("build_property.GlacierTrailEmitDispatcher", out string? dispatcher)
            && string.Equals(dispatcher?.Trim(), "false", StringComparison.OrdinalIgnoreCase));
        bool emitEnvelope = global.TryGetValue("build_property.GlacierTrailEmitEnvelope", out string? envelope)
            && string.Equals(envelope?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
        return new GeneratorOptions(ns, emitDispatcher, problem, emitEnvelope);
    }
}
