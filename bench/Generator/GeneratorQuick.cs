using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using GlacierTrail.Bench.Corpus;
using Microsoft.CodeAnalysis;

namespace GlacierTrail.Bench.Generator;

/// <summary>
/// `--generator-quick`: medians of repeated generator runs in one process, to check the targets
/// (built-in set under 50 ms, an incremental one-schema edit under 5 ms, linear growth) in
/// seconds rather than BenchmarkDotNet's minutes.
/// </summary>
internal static class GeneratorQuick
{
    public static void Run()
    {
        var builtIn = GeneratorWorkload.BuiltIn(RepoPaths.Root);
        Console.WriteLine($"generator, {Environment.ProcessorCount} cores, {RuntimeVersion()}");
        Console.WriteLine("| workload | schemas | median ms | ms per schema |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        Report("full run, built-in", builtIn.Schemas.Length, Median(15, () => builtIn.CreateDriver().RunGenerators(builtIn.Compilation)));
        foreach (int n in new[] { 100, 300, 1000 })
        {
            var synthetic = GeneratorWorkload.Synthetic(n);
            Report($"full run, synthetic", n, Median(n >= 1000 ? 5 : 9, () => synthetic.CreateDriver().RunGenerators(synthetic.Compilation)));
        }

        var driver = builtIn.CreateDriver().RunGenerators(builtIn.Compilation);
        var original = builtIn.Schemas[0];
        // A semantic edit (a description): the file is parsed again and its type re-emitted.
        var edited = new GeneratorWorkload.InMemoryText(original.Path, original.GetText()!.ToString().Replace("\"description\": \"", "\"description\": \"Edited. ", StringComparison.Ordinal));
        bool flip = false;
        Report("incremental, one schema edited", 1, Median(41, () =>
        {
            var (from, to) = flip ? (edited, original) : (original, (AdditionalText)edited);
            flip = !flip;
            driver = driver.ReplaceAdditionalText(from, to).RunGenerators(builtIn.Compilation);
        }));
    }

    private static void Report(string name, int schemas, double ms) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {schemas} | {ms:F2} | {ms / schemas:F3} |"));

    private static double Median(int runs, Action action)
    {
        action(); // warm-up: JIT and first-run caches are not what a build pays every time
        var times = new double[runs];
        for (int i = 0; i < runs; i++)
        {
            long start = Stopwatch.GetTimestamp();
            action();
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Array.Sort(times);
        return times[runs / 2];
    }

    private static string RuntimeVersion() => System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription;
}
