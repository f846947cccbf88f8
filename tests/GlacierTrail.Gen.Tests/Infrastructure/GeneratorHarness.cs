using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace GlacierTrail.Gen.Tests.Infrastructure;

/// <summary>
/// Builds in-memory compilations and runs <see cref="GlacierTrailGenerator"/> over them the way
/// the compiler does, with incremental step tracking on.
/// </summary>
internal static class GeneratorHarness
{
    public const string NamespaceOption = "build_property.GlacierTrailNamespace";
    public const string EmitDispatcherOption = "build_property.GlacierTrailEmitDispatcher";

    /// <summary>
    /// Doc comments are parsed and checked (<see cref="DocumentationMode.Diagnose"/>), so a
    /// description that breaks the XML shows up as a compiler warning.
    /// </summary>
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(LoadReferences);

    /// <summary>The running framework's assemblies plus GlacierTrail.dll: what is on disk already, nothing downloaded.</summary>
    public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

    public static CSharpCompilation CreateCompilation(params string[] sources) =>
        CSharpCompilation.Create(
            "GlacierTrail.Gen.TestInput",
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: $"Input{i}.cs")),
            References,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                deterministic: true));

    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> additionalTexts, IReadOnlyDictionary<string, string>? globalOptions = null) =>
        CSharpGeneratorDriver.Create(
            new[] { new GlacierTrailGenerator().AsSourceGenerator() },
            additionalTexts,
            ParseOptions,
            new TestAnalyzerConfigOptionsProvider(globalOptions),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator once over a fresh compilation holding <paramref name="sources"/>.</summary>
    public static GeneratorRun Run(IEnumerable<AdditionalText> additionalTexts, IReadOnlyDictionary<string, string>? globalOptions = null, params string[] sources) =>
        Run(CreateDriver(additionalTexts, globalOptions), CreateCompilation(sources));

    /// <summary>Runs an existing driver (keeping its incremental state) over <paramref name="compilation"/>.</summary>
    public static GeneratorRun Run(GeneratorDriver driver, Compilation compilation)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        var runResult = driver.GetRunResult();
        var result = runResult.Results.Single();
        if (result.Exception is { } exception)
        {
            throw new InvalidOperationException("The generator threw instead of reporting a diagnostic.", exception);
        }

        return new GeneratorRun(driver, runResult, output);
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        // The shared framework the tests run on: only its own folder, not the test's dependencies.
        string frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        string trusted = (string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")
            ?? throw new InvalidOperationException("TRUSTED_PLATFORM_ASSEMBLIES is not set.");
        var references = trusted
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => string.Equals(Path.GetDirectoryName(path), frameworkDirectory, StringComparison.Ordinal))
            .Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList();
        references.Add(MetadataReference.CreateFromFile(typeof(GlacierTrail.CloudTrailEvent).Assembly.Location));
        return references.ToImmutableArray();
    }
}

/// <summary>One generator run: what it produced, what it reported, and the compilation with its output.</summary>
internal sealed class GeneratorRun
{
    public GeneratorRun(GeneratorDriver driver, GeneratorDriverRunResult runResult, Compilation outputCompilation)
    {
        Driver = driver;
        RunResult = runResult;
        OutputCompilation = outputCompilation;
        Sources = Result.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);
        GeneratorDiagnostics = runResult.Diagnostics;
        CompilationDiagnostics = outputCompilation.GetDiagnostics();
    }

    public GeneratorDriver Driver { get; }

    public GeneratorDriverRunResult RunResult { get; }

    public GeneratorRunResult Result => RunResult.Results.Single();

    public Compilation OutputCompilation { get; }

    /// <summary>Generated sources by hint name.</summary>
    public IReadOnlyDictionary<string, string> Sources { get; }

    public ImmutableArray<Diagnostic> GeneratorDiagnostics { get; }

    public ImmutableArray<Diagnostic> CompilationDiagnostics { get; }

    public IReadOnlyList<string> HintNames => Sources.Keys.OrderBy(k => k, StringComparer.Ordinal).ToList();

    /// <summary>Fails unless the generator reported exactly the diagnostics with these ids (any order, repeats counted).</summary>
    public void AssertGeneratorDiagnostics(params string[] expectedIds)
    {
        var actual = GeneratorDiagnostics.Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal).ToList();
        var expected = expectedIds.OrderBy(id => id, StringComparer.Ordinal).ToList();
        if (!actual.SequenceEqual(expected))
        {
            throw new Xunit.Sdk.XunitException(
                $"Expected generator diagnostics [{string.Join(", ", expected)}] but got:\n{Describe(GeneratorDiagnostics)}");
        }
    }

    /// <summary>
    /// The output compilation has nothing above Info (no warning, no error): generated code must
    /// build cleanly in consumers that treat warnings as errors.
    /// </summary>
    public void AssertCompilationClean()
    {
        var problems = CompilationDiagnostics.Where(d => d.Severity > DiagnosticSeverity.Info).ToList();
        if (problems.Count > 0)
        {
            throw new Xunit.Sdk.XunitException($"The output compilation has diagnostics above Info:\n{Describe(problems)}");
        }
    }

    /// <summary>A bad schema never makes the generated code fail to compile.</summary>
    public void AssertNoCompilationErrors()
    {
        var errors = CompilationDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new Xunit.Sdk.XunitException($"The output compilation has errors:\n{Describe(errors)}");
        }
    }

    public Diagnostic Single(string id)
    {
        var matches = GeneratorDiagnostics.Where(d => d.Id == id).ToList();
        if (matches.Count != 1)
        {
            throw new Xunit.Sdk.XunitException($"Expected exactly one {id}, got {matches.Count}:\n{Describe(GeneratorDiagnostics)}");
        }

        return matches[0];
    }

    public static string Describe(IEnumerable<Diagnostic> diagnostics)
    {
        var lines = diagnostics.Select(d => "  " + d.ToString()).ToList();
        return lines.Count == 0 ? "  (none)" : string.Join("\n", lines);
    }

    public string Source(string hintName) =>
        Sources.TryGetValue(hintName, out string? text)
            ? text
            : throw new Xunit.Sdk.XunitException($"No generated source '{hintName}'; got: {string.Join(", ", HintNames)}");

    public SourceText SourceText(string hintName) => Result.GeneratedSources.Single(s => s.HintName == hintName).SourceText;
}
