using System;
using System.Linq;
using GlacierTrail.Gen.Model;
using Microsoft.CodeAnalysis;

namespace GlacierTrail.Gen.Emitting;

/// <summary>
/// Input of the member-metadata file: the resolved specs of every event type that gets a class,
/// and of every definitions file that gets one (for the types events refer to across files).
/// </summary>
internal sealed record MetadataOutput(EquatableArray<EventSpec> Events, EquatableArray<DefinitionsSpec> Definitions, string Namespace, bool Emit)
{
    /// <summary>The generated file's hint name.</summary>
    public const string HintName = "GlacierTrailEvents.Metadata.g.cs";

    /// <summary>
    /// Adds the metadata output to the pipeline, fed by the same resolved specs the class
    /// emitters use, so the metadata and the classes can never disagree.
    /// </summary>
    public static void Register(
        IncrementalGeneratorInitializationContext context,
        IncrementalValuesProvider<EventSpec> events,
        IncrementalValuesProvider<DefinitionsSpec> definitions,
        IncrementalValueProvider<GeneratorOptions> options)
    {
        var output = events.Collect()
            .Combine(definitions.Collect())
            .Combine(options)
            .Select(static (pair, _) => new MetadataOutput(
                pair.Left.Left.OrderBy(e => e.Path, StringComparer.Ordinal).ToEquatableArray(),
                pair.Left.Right.OrderBy(d => d.Path, StringComparer.Ordinal).ToEquatableArray(),
                pair.Right.Namespace,
                pair.Right.EmitDispatcher))
            .WithTrackingName(TrackingNames.MetadataOutput);
        context.RegisterSourceOutput(output, static (spc, o) =>
        {
            // The metadata is a part of the dispatcher class: no dispatcher, no metadata.
            if (o.Emit)
            {
                GlacierTrailGenerator.AddSource(spc, null, HintName, () => MetadataEmitter.Emit(o));
            }
        });
    }
}
