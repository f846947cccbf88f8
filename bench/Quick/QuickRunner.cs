using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using GlacierTrail.Bench.Contenders;
using GlacierTrail.Bench.Corpus;
using GlacierTrail.Bench.Trail;

namespace GlacierTrail.Bench.Quick;

/// <summary>
/// The quick mode: every contender in this process, on the same bytes, in rounds; each warmed
/// up once, then timed in every round (the fastest run is kept, the usual choice on a noisy
/// machine). Ratios come from the same run, so they hold when absolute figures drift.
/// </summary>
internal static class QuickRunner
{
    private const double SecondsPerRound = 3.0;
    private const int MinRounds = 3;
    private const int MaxRounds = 6;

    public static int Run(double scale, bool skipMemory, QuickParts parts, double trailScale)
    {
        var total = Stopwatch.StartNew();
        if (parts == QuickParts.Trail)
        {
            Console.WriteLine($"GlacierTrail.Bench quick mode, the trail scan: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.ProcessArchitecture}");
            TrailRunner.Run(CorpusData.Load(CorpusSpec.Mixed(RepoPaths.CorpusRoot, 1.0), RepoPaths.GlacierFixtures), trailScale);
            Console.WriteLine();
            Console.WriteLine($"quick mode took {total.Elapsed.TotalSeconds.ToString("F0", CultureInfo.InvariantCulture)} s");
            return 0;
        }

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
        MeasureAll(onGlacier, glacier, glacierRecords, results);

        var onMixed = new IContender[] { new TokenWalkFloor(), new StjSourceGenContender(), new GlacierTrailTyped(), new GlacierTrailFiltered() };
        long mixedRecords = new TokenWalkFloor().Run(mixed).Records;
        MeasureAll(onMixed, mixed, mixedRecords, results);

        Console.WriteLine();
        Report.PrintTable(results);
        PeakMemory? memory = null, smallGen0 = null;
        if (!skipMemory)
        {
            // Default GC settings, then a 4 MiB gen0 budget: the difference is the GC's own
            // allowance for garbage between collections, not the reader's buffers.
            memory = PeakMemoryProbe.Run(glacier);
            smallGen0 = PeakMemoryProbe.Run(glacier, "400000");
            var baseline = PeakMemoryProbe.Baseline();
            Console.WriteLine();
            Console.WriteLine(baseline.ToString());
            Console.WriteLine(memory.ToString());
            Console.WriteLine(smallGen0.ToString());
        }

        (string Line, double PeakMegabytes) cli = (string.Empty, double.NaN);
        if (!skipMemory)
        {
            cli = CliPeakMemory.Measure(PeakMemoryProbe.EnsureBigFile(glacier));
            Console.WriteLine(cli.Line);
        }

        Console.WriteLine();
        Report.PrintTargets(results, memory, smallGen0);
        if (!double.IsNaN(cli.PeakMegabytes))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| NativeAOT CLI summary over a 1 GB file, peak (MiB), default settings | <= {CliPeakMemory.TargetMegabytes:F0} | {cli.PeakMegabytes:F1} | {(cli.PeakMegabytes <= CliPeakMemory.TargetMegabytes ? "yes" : "NO")} |"));
        }
        if (!skipMemory)
        {
            Console.WriteLine();
            ExportQuick.Run(PeakMemoryProbe.EnsureBigFile(glacier));
        }

        if (parts == QuickParts.All)
        {
            // The trail is built from the full mixed corpus, whatever --scale says, so its records are the same at every scale.
            Console.WriteLine();
            TrailRunner.Run(scale == 1.0 ? mixed : CorpusData.Load(CorpusSpec.Mixed(RepoPaths.CorpusRoot, 1.0), RepoPaths.GlacierFixtures), trailScale);
        }

        Console.WriteLine();
        Console.WriteLine($"quick mode took {total.Elapsed.TotalSeconds.ToString("F0", CultureInfo.InvariantCulture)} s");
        return 0;
    }

    private static void MeasureAll(IContender[] contenders, CorpusData corpus, long corpusRecords, List<Measurement> results)
    {
        // Rounds of every contender in turn, keeping each one's fastest run: load from other
        // processes then falls on all contenders alike, so the ratios hold on a busy machine.
        var first = new RunResult[contenders.Length];
        var best = new double[contenders.Length];
        var bestCpu = new double[contenders.Length];
        var allocated = new long[contenders.Length];
        for (int i = 0; i < contenders.Length; i++)
        {
            Console.Error.WriteLine($"{corpus.Spec.Name,-8} warm-up {contenders[i].Name}");
            first[i] = contenders[i].Run(corpus); // JIT, tiering, file cache
            best[i] = double.MaxValue;
            bestCpu[i] = double.MaxValue;
            allocated[i] = long.MaxValue;
        }

        using var self = Process.GetCurrentProcess();
        int rounds = 0;
        var budget = Stopwatch.StartNew();
        while (rounds < MaxRounds && (rounds < MinRounds || budget.Elapsed.TotalSeconds < SecondsPerRound * contenders.Length))
        {
            for (int i = 0; i < contenders.Length; i++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                long before = GC.GetTotalAllocatedBytes(precise: true);
                var cpu = self.TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                var result = contenders[i].Run(corpus);
                double seconds = watch.Elapsed.TotalSeconds;
                self.Refresh();
                double cpuSeconds = (self.TotalProcessorTime - cpu).TotalSeconds;
                long bytes = GC.GetTotalAllocatedBytes(precise: true) - before;
                if (result != first[i])
                {
                    throw new InvalidOperationException($"{contenders[i].Name} read something different on a second run");
                }

                best[i] = Math.Min(best[i], seconds);
                bestCpu[i] = Math.Min(bestCpu[i], cpuSeconds);
                allocated[i] = Math.Min(allocated[i], bytes);
            }

            rounds++;
            Console.Error.WriteLine($"{corpus.Spec.Name,-8} round {rounds} done");
        }

        for (int i = 0; i < contenders.Length; i++)
        {
            results.Add(new Measurement(contenders[i].Name, corpus.Spec.Name, corpus.TotalBytes, corpusRecords, first[i].Records, best[i], bestCpu[i], allocated[i], rounds));
        }
    }
}
