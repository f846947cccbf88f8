using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using GlacierTrail.Bench.Contenders;
using GlacierTrail.Bench.Corpus;

namespace GlacierTrail.Bench.Quick;

/// <summary>
/// The quick mode: every contender in this process, on the same bytes, one after the other; each
/// warmed up once, then timed over a few runs (the fastest is kept, the usual choice on a noisy
/// machine). Ratios come from the same run, so they hold when absolute figures drift.
/// </summary>
internal static class QuickRunner
{
    private const double SecondsPerContender = 2.5;
    private const int MaxIterations = 5;

    public static int Run(double scale, bool skipMemory)
    {
        var total = Stopwatch.StartNew();
        var glacier = CorpusData.Load(CorpusSpec.Glacier(RepoPaths.CorpusRoot, scale), RepoPaths.GlacierFixtures);
        var mixed = CorpusData.Load(CorpusSpec.Mixed(RepoPaths.CorpusRoot, scale), RepoPaths.GlacierFixtures);
        Console.WriteLine($"GlacierTrail.Bench quick mode: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.ProcessArchitecture}");
        Console.WriteLine($"corpora: glacier {glacier.Files.Length} files {glacier.TotalBytes / 1e6:F1} MB; mixed {mixed.Files.Length} files {mixed.TotalBytes / 1e6:F1} MB (seed {CorpusGenerator.Seed})");
        Console.WriteLine();

        var results = new List<Measurement>();
        var onGlacier = new IContender[]
        {
            new TokenWalkFloor(),
            new JsonDocumentContender(),
            new StjSourceGenContender(),
            new NewtonsoftContender(),
            new GlacierTrailTyped(),
            new GzipInflateOnly(),
            new GlacierTrailGzipFiles(1),
            new GlacierTrailGzipFiles(Environment.ProcessorCount),
        };
        long glacierRecords = new TokenWalkFloor().Run(glacier).Records;
        foreach (var contender in onGlacier)
        {
            results.Add(Measure(contender, glacier, glacierRecords));
        }

        var onMixed = new IContender[] { new TokenWalkFloor(), new StjSourceGenContender(), new GlacierTrailTyped(), new GlacierTrailFiltered() };
        long mixedRecords = new TokenWalkFloor().Run(mixed).Records;
        foreach (var contender in onMixed)
        {
            results.Add(Measure(contender, mixed, mixedRecords));
        }

        Console.WriteLine();
        Report.PrintTable(results);
        PeakMemory? memory = null;
        if (!skipMemory)
        {
            memory = PeakMemoryProbe.Run(glacier);
            Console.WriteLine();
            Console.WriteLine(memory.ToString());
        }

        Console.WriteLine();
        Report.PrintTargets(results, memory);
        Console.WriteLine();
        Console.WriteLine($"quick mode took {total.Elapsed.TotalSeconds.ToString("F0", CultureInfo.InvariantCulture)} s");
        return 0;
    }

    private static Measurement Measure(IContender contender, CorpusData corpus, long corpusRecords)
    {
        Console.Error.Write($"{corpus.Spec.Name,-8} {contender.Name} ...");
        var first = contender.Run(corpus); // warm-up: JIT, tiering, file cache
        double best = double.MaxValue;
        long allocated = long.MaxValue;
        int iterations = 0;
        var budget = Stopwatch.StartNew();
        while (iterations < MaxIterations && (iterations < 2 || budget.Elapsed.TotalSeconds < SecondsPerContender))
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            long before = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            var result = contender.Run(corpus);
            double seconds = watch.Elapsed.TotalSeconds;
            long bytes = GC.GetTotalAllocatedBytes(precise: true) - before;
            if (result != first)
            {
                throw new InvalidOperationException($"{contender.Name} read something different on a second run");
            }

            best = Math.Min(best, seconds);
            allocated = Math.Min(allocated, bytes);
            iterations++;
        }

        var m = new Measurement(contender.Name, corpus.Spec.Name, corpus.TotalBytes, corpusRecords, first.Records, best, allocated, iterations);
        Console.Error.WriteLine($" {m.MegabytesPerSecond:F0} MB/s");
        return m;
    }
}
