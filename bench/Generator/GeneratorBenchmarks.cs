using BenchmarkDotNet.Attributes;
using GlacierTrail.Bench.Corpus;
using Microsoft.CodeAnalysis;

namespace GlacierTrail.Bench.Generator;

/// <summary>
/// The generator's cost as a compiler sees it: a full run (a cold build) over the built-in
/// schemas and over 1,000 synthetic ones, and an incremental run after one schema is edited
/// (what an IDE pays on a keystroke in a schema file).
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private GeneratorWorkload _builtIn = null!;
    private GeneratorWorkload _thousand = null!;
    private GeneratorDriver _warm = null!;
    private AdditionalText _original = null!;
    private AdditionalText _edited = null!;
    private bool _editedIsCurrent;

    [GlobalSetup]
    public void Setup()
    {
        _builtIn = GeneratorWorkload.BuiltIn(RepoPaths.Root);
        _thousand = GeneratorWorkload.Synthetic(1000);
        _warm = _builtIn.CreateDriver().RunGenerators(_builtIn.Compilation);
        _original = _builtIn.Schemas[0];
        _edited = new GeneratorWorkload.InMemoryText(_original.Path, _original.GetText()!.ToString().Replace("\"description\": \"", "\"description\": \"Edited. ", System.StringComparison.Ordinal));
    }

    [Benchmark(Baseline = true)]
    public GeneratorDriver FullRunBuiltIn() => _builtIn.CreateDriver().RunGenerators(_builtIn.Compilation);

    [Benchmark]
    public GeneratorDriver FullRun1000Schemas() => _thousand.CreateDriver().RunGenerators(_thousand.Compilation);

    [Benchmark]
    public GeneratorDriver IncrementalOneSchemaEdit()
    {
        // Alternate between the two versions so every run sees a real edit.
        var (from, to) = _editedIsCurrent ? (_edited, _original) : (_original, _edited);
        _editedIsCurrent = !_editedIsCurrent;
        _warm = _warm.ReplaceAdditionalText(from, to).RunGenerators(_builtIn.Compilation);
        return _warm;
    }
}
