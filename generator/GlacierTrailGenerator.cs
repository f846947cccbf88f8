using System;
using System.Linq;
using GlacierTrail.Gen.Diagnostics;
using GlacierTrail.Gen.Emitting;
using GlacierTrail.Gen.Model;
using GlacierTrail.Gen.Parsing;
using Microsoft.CodeAnalysis;

namespace GlacierTrail.Gen;

/// <summary>
/// Reads JSON schema files (AdditionalFiles named <c>*.schema.json</c>) and emits one typed
/// event class per schema with <c>x-cloudtrail</c>, the types of shared <c>$defs</c> files, and
/// the <c>GlacierTrailEvents</c> dispatcher.
/// </summary>
/// <remarks>
/// Each file is parsed in its own step into plain, equatable specs. Only a small index of the
/// definitions that files export, and the list of event identities, cross files. Diagnostics
/// travel on their own outputs, so a change that only moves text regenerates no code.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed class GlacierTrailGenerator : IIncrementalGenerator
{
    /// <summary>The suffix that marks an additional file as a schema.</summary>
    public const string SchemaSuffix = ".schema.json";

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var options = context.AnalyzerConfigOptionsProvider
            .Select(GeneratorOptions.From)
            .WithTrackingName(TrackingNames.Options);

        var schemaFiles = context.AdditionalTextsProvider
            .Where(static text => text.Path.EndsWith(SchemaSuffix, StringComparison.OrdinalIgnoreCase))
            .Select(static (text, ct) => new SchemaFile(text.Path, text.GetText(ct)?.ToString()))
            .WithTrackingName(TrackingNames.SchemaFiles);

        var parsed = schemaFiles
            .Select(static (file, ct) => SchemaParser.Parse(file.Path, file.Text, ct))
            .WithTrackingName(TrackingNames.Parse);

        var index = parsed
            .Select(static (schema, _) => schema.Definitions?.Exports ?? EquatableArray<DefinitionExport>.Empty)
            .Collect()
            .Select(static (all, _) => all.SelectMany(exports => exports).OrderBy(e => e.Target, StringComparer.Ordinal).ToEquatableArray())
            .WithTrackingName(TrackingNames.DefinitionIndex);

        var conflicts = parsed
            .Where(static schema => schema.Event is not null)
            .Select(static (schema, _) => new EventIdentity(schema.Path, schema.Event!.EventSource, schema.Event.EventName, schema.Event.ClassName, schema.BindingLocation))
            .Collect()
            .Select(static (all, _) => Conflicts.Find(all))
            .WithTrackingName(TrackingNames.Conflicts);
        var losers = conflicts.Select(static (c, _) => c.LosingPaths);

        var events = parsed
            .Select(static (schema, _) => schema.Event)
            .Where(static spec => spec is not null)
            .Combine(index)
            .Select(static (pair, _) => ReferenceResolver.Resolve(pair.Left!, pair.Right))
            .WithTrackingName(TrackingNames.ResolveEvent)
            .Combine(losers)
            .Where(static pair => !pair.Right.Contains(pair.Left.Path))
            .Combine(options)
            .Select(static (pair, _) => new EventOutput(pair.Left.Left, pair.Right.Namespace))
            .WithTrackingName(TrackingNames.EventOutput);
        context.RegisterSourceOutput(events, static (spc, output) => AddSource(spc, output.Spec.Path, output.Spec.ClassName + ".g.cs", () => EventEmitter.Emit(output.Spec, output.Namespace)));

        var definitionsPlan = parsed
            .Where(static schema => schema.Definitions is not null)
            .Select(static (schema, _) => new DefinitionsIdentity(
                schema.Path,
                schema.Definitions!.Classes.Select(c => c.Name).Concat(schema.Definitions.Enums.Select(e => e.Name)).ToEquatableArray()))
            .Collect()
            .Select(static (all, _) => DefinitionsPlan.Create(all))
            .WithTrackingName(TrackingNames.DefinitionsPlan);

        var definitions = parsed
            .Select(static (schema, _) => schema.Definitions)
            .Where(static spec => spec is not null)
            .Combine(index)
            .Select(static (pair, _) => ReferenceResolver.Resolve(pair.Left!, pair.Right))
            .WithTrackingName(TrackingNames.ResolveDefinitions)
            .Combine(definitionsPlan.Select(static (plan, _) => plan.Hints))
            .Select(static (pair, _) => (Spec: pair.Left, Hint: pair.Right.FirstOrDefault(h => h.Path == pair.Left.Path)?.HintName))
            .Where(static pair => pair.Hint is not null)
            .Combine(options)
            .Select(static (pair, _) => new DefinitionsOutput(pair.Left.Spec, pair.Right.Namespace, pair.Left.Hint!))
            .WithTrackingName(TrackingNames.DefinitionsOutput);
        context.RegisterSourceOutput(definitions, static (spc, output) => AddSource(spc, output.Spec.Path, output.HintName, () => EventEmitter.EmitDefinitions(output.Spec, output.Namespace)));

        var dispatcher = parsed
            .Where(static schema => schema.Event is not null)
            .Select(static (schema, _) => new EventIdentity(schema.Path, schema.Event!.EventSource, schema.Event.EventName, schema.Event.ClassName, null))
            .Collect()
            .Combine(losers)
            .Combine(options)
            .Select(static (pair, _) => new DispatcherOutput(
                pair.Left.Left.Where(e => !pair.Left.Right.Contains(e.Path)).OrderBy(e => e.Path, StringComparer.Ordinal).ToEquatableArray(),
                pair.Right.Namespace,
                pair.Right.EmitDispatcher))
            .WithTrackingName(TrackingNames.DispatcherOutput);
        context.RegisterSourceOutput(dispatcher, static (spc, output) =>
        {
            if (output.Emit)
            {
                AddSource(spc, null, "GlacierTrailEvents.g.cs", () => DispatcherEmitter.Emit(output.Events, output.Namespace));
            }
        });

        // Only the runtime turns this on: it generates its own envelope from the record schema's root.
        var envelope = schemaFiles
            .Combine(options.Select(static (o, _) => o.EmitEnvelope))
            .Select(static (pair, ct) => pair.Right ? EnvelopeParser.Parse(pair.Left.Path, pair.Left.Text, ct) : null)
            .WithTrackingName(TrackingNames.Envelope);
        context.RegisterSourceOutput(
            envelope.Where(static spec => spec is not null).Combine(options).Select(static (pair, _) => new EnvelopeOutput(pair.Left!, pair.Right.Namespace)),
            static (spc, output) =>
            {
                foreach (var (hintName, emit) in EnvelopeEmitter.Sources(output.Spec, output.Namespace))
                {
                    AddSource(spc, output.Spec.Path, hintName, emit);
                }
            });
        context.RegisterSourceOutput(envelope.Select(static (spec, _) => spec?.Diagnostics ?? EquatableArray<DiagnosticInfo>.Empty), Report);

        MetadataOutput.Register(context, events.Select(static (output, _) => output.Spec), definitions.Select(static (output, _) => output.Spec), options);

        context.RegisterSourceOutput(parsed.Select(static (schema, _) => schema.Diagnostics), Report);
        context.RegisterSourceOutput(
            parsed.Select(static (schema, _) => schema.ExternalReferences).Combine(index).Select(static (pair, _) => ReferenceResolver.Check(pair.Left, pair.Right)),
            Report);
        context.RegisterSourceOutput(conflicts.Select(static (c, _) => c.Diagnostics), Report);
        context.RegisterSourceOutput(definitionsPlan.Select(static (plan, _) => plan.Diagnostics), Report);
        context.RegisterSourceOutput(options, static (spc, o) =>
        {
            if (o.Problem is { } problem)
            {
                spc.ReportDiagnostic(problem.ToDiagnostic());
            }
        });
    }

    private static void Report(SourceProductionContext context, EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            context.ReportDiagnostic(diagnostic.ToDiagnostic());
        }
    }

    // The emitters only write text from specs the parser checked; if one still fails, the user
    // gets a diagnostic naming the file, never a crashed generator.
    internal static void AddSource(SourceProductionContext context, string? path, string hintName, Func<string> emit)
    {
        try
        {
            context.AddSource(hintName, Microsoft.CodeAnalysis.Text.SourceText.From(emit(), System.Text.Encoding.UTF8));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var location = path is null ? null : new DiagnosticLocation(path, 0, 0, 0, 0, 0, 0);
            context.ReportDiagnostic(DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, location, ex.GetType().Name + ": " + ex.Message).ToDiagnostic());
        }
    }

    /// <summary>
    /// A hint name from the file's folder and name, not its full path, so output names are the
    /// same on every machine.
    /// </summary>
    internal static string DefinitionsHintName(string path)
    {
        string normalized = PathUtil.Normalize(path);
        string file = PathUtil.FileName(normalized);
        string stem = file.EndsWith(SchemaSuffix, StringComparison.OrdinalIgnoreCase) ? file.Substring(0, file.Length - SchemaSuffix.Length) : file;
        string folder = PathUtil.FileName(PathUtil.Directory(normalized));
        var safe = new System.Text.StringBuilder();
        foreach (char c in folder + "." + stem)
        {
            safe.Append(char.IsLetterOrDigit(c) || c == '.' ? c : '_');
        }

        return "Definitions." + safe + ".g.cs";
    }
}
