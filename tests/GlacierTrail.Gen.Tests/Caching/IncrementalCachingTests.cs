using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using GlacierTrail.Gen.Model;
using GlacierTrail.Gen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace GlacierTrail.Gen.Tests.Caching;

/// <summary>
/// The generator driver run twice with step tracking: after an unrelated change every tracked
/// step is cached, after one schema changes only that file's parse and output rerun, and no step
/// output holds a symbol, syntax node or compilation (which would keep compilations alive and
/// defeat caching).
/// </summary>
public sealed class IncrementalCachingTests
{
    private const string CreateVaultPath = TestFiles.VirtualSchemaRoot + "glacier/CreateVault.schema.json";
    /// <summary>Steps the driver itself tracks (its inputs and the source outputs), not ours.</summary>
    private static readonly string[] RoslynStepNames = { "AdditionalTexts", "AnalyzerConfigOptions", "Compilation", "ParseOptions", "MetadataReferences", "SourceOutput", "ImplementationSourceOutput" };

    private static readonly IncrementalStepRunReason[] Reused = { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged };

    /// <summary>Every step name the pipeline declares, read from <see cref="TrackingNames"/> so a new step is covered too.</summary>
    private static readonly string[] AllTrackingNames = typeof(TrackingNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToArray();

    [Fact]
    public void Tracked_steps_are_the_ones_tracking_names_declares()
    {
        var run = FirstRun(out _);

        var ours = run.Result.TrackedSteps.Keys.Except(RoslynStepNames).ToHashSet();

        // Every step the pipeline names is declared in TrackingNames...
        Assert.Subset(AllTrackingNames.ToHashSet(), ours);

        // ...and every declared name is tracked.
        Assert.Empty(AllTrackingNames.Except(ours));
        foreach (string required in new[]
        {
            TrackingNames.Options, TrackingNames.SchemaFiles, TrackingNames.Parse, TrackingNames.DefinitionIndex,
            TrackingNames.ResolveEvent, TrackingNames.ResolveDefinitions, TrackingNames.Conflicts,
            TrackingNames.EventOutput, TrackingNames.DefinitionsOutput, TrackingNames.DispatcherOutput, TrackingNames.MetadataOutput,
        })
        {
            Assert.True(run.Result.TrackedSteps.ContainsKey(required), $"Step {required} was not tracked.");
        }
    }

    [Theory]
    [InlineData("add")]
    [InlineData("edit")]
    public void Unrelated_CSharp_change_reuses_every_step(string change)
    {
        var first = FirstRun(out var compilation);
        var tree = compilation.SyntaxTrees.First();
        var changed = change == "add"
            ? compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Consumer { internal static class Added { } }", GeneratorHarness.ParseOptions))
            : compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(tree.GetText().Replace(0, 0, "// edited\n")));

        var second = GeneratorHarness.Run(first.Driver, changed);

        AssertAllReused(second);
        Assert.Equal(first.Sources, second.Sources);
    }

    [Fact]
    public void Editing_one_schema_reruns_only_that_file()
    {
        var first = FirstRun(out var compilation, out var schemas);
        var original = Schema(schemas, CreateVaultPath);
        string edited = original.GetText()!.ToString().Replace(
            "\"vaultName\": {",
            "\"tagCount\": { \"type\": \"integer\" },\n        \"vaultName\": {",
            StringComparison.Ordinal);
        Assert.NotEqual(original.GetText()!.ToString(), edited);

        var second = GeneratorHarness.Run(first.Driver.ReplaceAdditionalText(original, new InMemoryAdditionalText(CreateVaultPath, edited)), compilation);

        foreach (string step in new[] { TrackingNames.SchemaFiles, TrackingNames.Parse, TrackingNames.ResolveEvent, TrackingNames.EventOutput })
        {
            AssertPerFile(second, step, modified: CreateVaultPath);
        }

        AssertReused(second, TrackingNames.DefinitionIndex, TrackingNames.ResolveDefinitions, TrackingNames.DefinitionsOutput, TrackingNames.DispatcherOutput, TrackingNames.Options);
        Assert.Equal(ChangedSources(first, second), new[] { "CreateVaultEvent.g.cs", "GlacierTrailEvents.Metadata.g.cs" });
        Assert.Contains("TagCount", second.Source("CreateVaultEvent.g.cs"), StringComparison.Ordinal);

        // The member metadata is made from every event's spec: it reruns, and holds the new member.
        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(Outputs(second, TrackingNames.MetadataOutput)).Reason);
        Assert.Contains("new global::GlacierTrail.Metadata.CloudTrailMemberMetadata(\"tagCount\", \"TagCount\", global::GlacierTrail.Metadata.CloudTrailTypeMetadata.Integer, false, true)", second.Source("GlacierTrailEvents.Metadata.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Whitespace_only_edit_regenerates_no_code()
    {
        var first = FirstRun(out var compilation, out var schemas);
        var original = Schema(schemas, CreateVaultPath);
        string reformatted = "\n\n" + original.GetText()!.ToString().Replace("\n", "\n  ", StringComparison.Ordinal);

        var second = GeneratorHarness.Run(first.Driver.ReplaceAdditionalText(original, new InMemoryAdditionalText(CreateVaultPath, reformatted)), compilation);

        // The text and its positions changed, so the file is parsed again...
        AssertPerFile(second, TrackingNames.Parse, modified: CreateVaultPath);

        // ...but its spec did not, so nothing after the parse reruns.
        AssertReused(second, TrackingNames.ResolveEvent, TrackingNames.EventOutput, TrackingNames.DispatcherOutput, TrackingNames.DefinitionsOutput, TrackingNames.MetadataOutput);
        Assert.All(second.Result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.Contains(o.Reason, Reused));
        Assert.Equal(first.Sources, second.Sources);
    }

    [Fact]
    public void Adding_a_schema_adds_one_output_and_changes_the_dispatcher()
    {
        var first = FirstRun(out var compilation);

        var second = GeneratorHarness.Run(first.Driver.AddAdditionalTexts(ImmutableArray.Create<AdditionalText>(TestFiles.RepoSchema("glacier/DeleteVault.schema.json"))), compilation);

        Assert.Equal(first.HintNames.Append("DeleteVaultEvent.g.cs").OrderBy(n => n, StringComparer.Ordinal), second.HintNames);
        var dispatcher = Assert.Single(Outputs(second, TrackingNames.DispatcherOutput));
        Assert.Equal(IncrementalStepRunReason.Modified, dispatcher.Reason);
        Assert.Contains("\"DeleteVault\"u8", second.Source("GlacierTrailEvents.g.cs"), StringComparison.Ordinal);
        Assert.Equal(new[] { "DeleteVaultEvent.g.cs", "GlacierTrailEvents.Metadata.g.cs", "GlacierTrailEvents.g.cs" }, ChangedSources(first, second));
        Assert.Contains("typeof(global::GlacierTrail.Events.DeleteVaultEvent)", second.Source("GlacierTrailEvents.Metadata.g.cs"), StringComparison.Ordinal);
        var eventOutputs = Outputs(second, TrackingNames.EventOutput);
        Assert.Equal(IncrementalStepRunReason.New, Assert.Single(eventOutputs, o => PathOf(o.Value).EndsWith("DeleteVault.schema.json", StringComparison.Ordinal)).Reason);
        Assert.All(eventOutputs.Where(o => !PathOf(o.Value).EndsWith("DeleteVault.schema.json", StringComparison.Ordinal)), o => Assert.Contains(o.Reason, Reused));
        second.AssertGeneratorDiagnostics();
        second.AssertCompilationClean();
    }

    [Fact]
    public void Changing_the_namespace_regenerates_every_output_without_reparsing()
    {
        var first = FirstRun(out var compilation);

        var second = GeneratorHarness.Run(
            first.Driver.WithUpdatedAnalyzerConfigOptions(new TestAnalyzerConfigOptionsProvider(TestFiles.Options(@namespace: "Contoso.Audit"))),
            compilation);

        AssertReused(second, TrackingNames.SchemaFiles, TrackingNames.Parse, TrackingNames.ResolveEvent, TrackingNames.ResolveDefinitions);
        foreach (string step in new[] { TrackingNames.Options, TrackingNames.EventOutput, TrackingNames.DefinitionsOutput, TrackingNames.DispatcherOutput, TrackingNames.MetadataOutput })
        {
            Assert.All(Outputs(second, step), o => Assert.Equal(IncrementalStepRunReason.Modified, o.Reason));
        }

        Assert.Equal(first.HintNames, second.HintNames);
        Assert.Equal(first.HintNames, ChangedSources(first, second));
        Assert.All(second.Sources.Values, text => Assert.Contains("namespace Contoso.Audit", text, StringComparison.Ordinal));
        second.AssertCompilationClean();
    }

    [Fact]
    public void Step_outputs_hold_no_compilation_objects()
    {
        // A run with diagnostics too, so DiagnosticInfo and its locations are in the walk.
        var schemas = Schemas().Append(TestFiles.Inline("diag/Bad.schema.json", "{ \"x-cloudtrail\": 1, \"type\": \"object\" }")).ToArray();
        var driver = GeneratorHarness.CreateDriver(schemas);
        var compilation = GeneratorHarness.CreateCompilation("namespace Consumer { internal static class Existing { } }");
        var first = GeneratorHarness.Run(driver, compilation);
        var second = GeneratorHarness.Run(first.Driver.ReplaceAdditionalText(schemas[0], new InMemoryAdditionalText(schemas[0].Path, schemas[0].GetText()!.ToString() + "\n")), compilation);

        var problems = new List<string>();
        int walked = 0;
        foreach (var run in new[] { first, second })
        {
            foreach (var (name, steps) in run.Result.TrackedSteps.Where(pair => AllTrackingNames.Contains(pair.Key)))
            {
                foreach (var step in steps)
                {
                    for (int i = 0; i < step.Outputs.Length; i++)
                    {
                        walked++;
                        problems.AddRange(StepOutputWalker.FindForbidden(step.Outputs[i].Value, $"{name}[{i}]"));
                    }
                }
            }
        }

        Assert.True(walked > 10, $"Only {walked} step outputs were walked.");
        Assert.True(problems.Count == 0, "Cached step outputs hold compilation objects:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void Walker_finds_forbidden_values_inside_tuples_arrays_and_records()
    {
        var location = Location.Create("a.json", default, default);
        Assert.NotEmpty(StepOutputWalker.FindForbidden((1, ("x", location)), "tuple"));
        Assert.NotEmpty(StepOutputWalker.FindForbidden(ImmutableArray.Create<object>("x", Microsoft.CodeAnalysis.Text.SourceText.From("y")), "array"));
        Assert.NotEmpty(StepOutputWalker.FindForbidden(new Holder(new EquatableArray<Wrapped>(new[] { new Wrapped(CSharpSyntaxTree.ParseText("class C {}").GetRoot()) })), "record"));
        Assert.NotEmpty(StepOutputWalker.FindForbidden(GeneratorHarness.CreateCompilation(), "compilation"));
        Assert.Empty(StepOutputWalker.FindForbidden((1, "x", new EquatableArray<string>(new[] { "a" })), "clean"));
    }

    [Fact]
    public void Spec_types_are_sealed_records_of_plain_data()
    {
        // Cached specs must be sealed records of strings, numbers, bools and EquatableArray, so
        // that they compare by value: checked on the declared types, not only on the values one
        // run happens to produce.
        var roots = new[]
        {
            typeof(ParsedSchema), typeof(EventIdentity), typeof(SchemaFile), typeof(EventOutput), typeof(DefinitionsOutput),
            typeof(DispatcherOutput), typeof(GeneratorOptions), typeof(Conflicts),
        };
        var problems = new List<string>();
        var seen = new HashSet<Type>();
        foreach (var root in roots)
        {
            CheckType(root, root.Name, problems, seen);
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    // Helpers -------------------------------------------------------------------------

    private static InMemoryAdditionalText[] Schemas() => new[]
    {
        TestFiles.RepoSchema("glacier/CreateVault.schema.json"),
        TestFiles.RepoSchema("glacier/InitiateJob.schema.json"),
        TestFiles.RepoSchema("glacier/SetVaultNotifications.schema.json"),
        TestFiles.SharedTypes,
    };

    private static GeneratorRun FirstRun(out CSharpCompilation compilation) => FirstRun(out compilation, out _);

    private static GeneratorRun FirstRun(out CSharpCompilation compilation, out InMemoryAdditionalText[] schemas)
    {
        compilation = GeneratorHarness.CreateCompilation("namespace Consumer { internal static class Existing { } }");
        schemas = Schemas();
        var run = GeneratorHarness.Run(GeneratorHarness.CreateDriver(schemas), compilation);
        run.AssertGeneratorDiagnostics();
        run.AssertCompilationClean();
        return run;
    }

    /// <summary>The instance the driver was given: ReplaceAdditionalText matches by reference.</summary>
    private static AdditionalText Schema(InMemoryAdditionalText[] schemas, string path) => schemas.Single(t => t.Path == path);

    private static List<(object Value, IncrementalStepRunReason Reason)> Outputs(GeneratorRun run, string step) =>
        run.Result.TrackedSteps.TryGetValue(step, out var steps)
            ? steps.SelectMany(s => s.Outputs).ToList()
            : new List<(object, IncrementalStepRunReason)>();

    private static void AssertAllReused(GeneratorRun run)
    {
        var rerun = run.Result.TrackedSteps
            .SelectMany(pair => pair.Value.SelectMany(s => s.Outputs).Select(o => (Step: pair.Key, o.Reason)))
            .Concat(run.Result.TrackedOutputSteps.SelectMany(pair => pair.Value.SelectMany(s => s.Outputs).Select(o => (Step: pair.Key, o.Reason))))
            .Where(o => !Reused.Contains(o.Reason))
            .ToList();
        Assert.NotEmpty(run.Result.TrackedSteps);
        Assert.True(rerun.Count == 0, "Steps reran: " + string.Join(", ", rerun.Select(r => $"{r.Step}={r.Reason}")));
    }

    private static void AssertReused(GeneratorRun run, params string[] steps)
    {
        foreach (string step in steps)
        {
            var outputs = Outputs(run, step);
            Assert.True(outputs.Count > 0, $"Step {step} produced no tracked output.");
            Assert.All(outputs, o => Assert.True(Reused.Contains(o.Reason), $"{step}: {PathOrType(o.Value)} was {o.Reason}"));
        }
    }

    /// <summary>Exactly the output for <paramref name="modified"/> is Modified; every other file's is reused.</summary>
    private static void AssertPerFile(GeneratorRun run, string step, string modified)
    {
        var outputs = Outputs(run, step);
        Assert.Contains(outputs, o => PathOf(o.Value) == modified);
        foreach (var (value, reason) in outputs)
        {
            if (PathOf(value) == modified)
            {
                Assert.True(reason == IncrementalStepRunReason.Modified, $"{step}: {modified} was {reason}, expected Modified");
            }
            else
            {
                Assert.True(Reused.Contains(reason), $"{step}: {PathOf(value)} was {reason}, expected Cached or Unchanged");
            }
        }
    }

    private static string PathOf(object value) => value switch
    {
        SchemaFile file => file.Path,
        ParsedSchema schema => schema.Path,
        EventSpec spec => spec.Path,
        DefinitionsSpec spec => spec.Path,
        EventOutput output => output.Spec.Path,
        DefinitionsOutput output => output.Spec.Path,
        _ => throw new Xunit.Sdk.XunitException($"No file path in a {value.GetType().Name}."),
    };

    private static string PathOrType(object value)
    {
        try
        {
            return PathOf(value);
        }
        catch (Xunit.Sdk.XunitException)
        {
            return value.GetType().Name;
        }
    }

    private static string[] ChangedSources(GeneratorRun first, GeneratorRun second) =>
        second.HintNames
            .Where(n => !first.Sources.TryGetValue(n, out string? before) || before != second.Sources[n])
            .ToArray();

    private static void CheckType(Type type, string path, List<string> problems, HashSet<Type> seen)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        // A DiagnosticDescriptor is immutable and compares by value (Roslyn's IEquatable), as a record would.
        if (underlying.IsPrimitive || underlying.IsEnum || underlying == typeof(string) || underlying == typeof(DiagnosticDescriptor) || !seen.Add(underlying))
        {
            return;
        }

        if (underlying.IsGenericType && underlying.GetGenericTypeDefinition() == typeof(EquatableArray<>))
        {
            CheckType(underlying.GetGenericArguments()[0], path + "[]", problems, seen);
            return;
        }

        bool isRecord = underlying.GetProperty("EqualityContract", BindingFlags.Instance | BindingFlags.NonPublic) is not null;
        if (!underlying.IsClass || !underlying.IsSealed || !isRecord)
        {
            problems.Add($"{path}: {underlying.Name} is not a sealed record, a primitive, a string or an EquatableArray");
            return;
        }

        foreach (var field in underlying.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            CheckType(field.FieldType, path + "." + field.Name, problems, seen);
        }
    }

    private sealed record Wrapped(SyntaxNode Node);

    private sealed record Holder(EquatableArray<Wrapped> Items);
}
