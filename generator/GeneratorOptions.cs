using System;
using GlacierTrail.Gen.Diagnostics;
using GlacierTrail.Gen.Model;
using GlacierTrail.Gen.Parsing;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GlacierTrail.Gen;

/// <summary>The MSBuild properties the generator reads (through CompilerVisibleProperty).</summary>
internal sealed record GeneratorOptions(string Namespace, bool EmitDispatcher, DiagnosticInfo? Problem)
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
        return new GeneratorOptions(ns, emitDispatcher, problem);
    }
}
