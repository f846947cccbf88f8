using System;
using System.Diagnostics;
using GlacierTrail.Bench.Contenders;
using GlacierTrail.Bench.Corpus;
using GlacierTrail.Bench.Trail;

namespace GlacierTrail.Bench.Quick;

/// <summary>
/// Runs one GlacierTrail contender over its corpus again and again, so a profiler attached to
/// the process (<c>dotnet-trace collect -- dotnet bench.dll --profile typed</c>) sees nothing
/// but that contender's steady state.
/// </summary>
internal static class ProfileLoop
{
    public static int Run(string contender, double seconds)
    {
        if (contender is "trail" or "trail-floor")
        {
            return RunTrail(contender == "trail" ? new LibraryScan() : new InflateFloor(), seconds);
        }

        (IContender target, CorpusSpec spec) = contender switch
        {
            "floor" => ((IContender)new TokenWalkFloor(), CorpusSpec.Glacier(RepoPaths.CorpusRoot, 1.0)),
            "stj" => (new StjSourceGenContender(), CorpusSpec.Glacier(RepoPaths.CorpusRoot, 1.0)),
            "typed" => (new GlacierTrailTyped(), CorpusSpec.Glacier(RepoPaths.CorpusRoot, 1.0)),
            "filtered" => (new GlacierTrailFiltered(), CorpusSpec.Mixed(RepoPaths.CorpusRoot, 1.0)),
            "gzip" => (new GlacierTrailGzipFiles(1), CorpusSpec.Glacier(RepoPaths.CorpusRoot, 1.0)),
            "gzip-parallel" => (new GlacierTrailGzipFiles(Environment.ProcessorCount), CorpusSpec.Glacier(RepoPaths.CorpusRoot, 1.0)),
            _ => throw new ArgumentException($"unknown contender '{contender}': expected floor, stj, typed, filtered, gzip, gzip-parallel, trail or trail-floor"),
        };
        var corpus = CorpusData.Load(spec, RepoPaths.GlacierFixtures);
        // Warm-up long enough for tiered compilation and dynamic PGO to settle.
        for (var warm = Stopwatch.StartNew(); warm.Elapsed.TotalSeconds < 4;)
        {
            target.Run(corpus);
        }

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        long records = 0;
        var paused = GC.GetTotalPauseDuration();
        int gen0 = GC.CollectionCount(0), gen1 = GC.CollectionCount(1), gen2 = GC.CollectionCount(2);
        var clock = Stopwatch.StartNew();
        long bytes = 0;
        int runs = 0;
        double best = double.MaxValue;
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            var run = Stopwatch.StartNew();
            records += target.Run(corpus).Records;
            best = Math.Min(best, run.Elapsed.TotalSeconds);
            bytes += corpus.TotalBytes;
            runs++;
        }

        double cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        double gcShare = (GC.GetTotalPauseDuration() - paused).TotalSeconds / clock.Elapsed.TotalSeconds;
        Console.WriteLine($"GC: {gcShare:P1} of the time paused; collections gen0 {GC.CollectionCount(0) - gen0}, gen1 {GC.CollectionCount(1) - gen1}, gen2 {GC.CollectionCount(2) - gen2}; {allocated / Math.Max(1, records):N0} B allocated per record");
        Console.WriteLine($"{target.Name}: {runs} runs, {bytes / 1e6 / clock.Elapsed.TotalSeconds:F0} MB/s, {bytes / 1e6 / cpuSeconds:F0} MB per CPU-s, best run {corpus.TotalBytes / 1e6 / best:F0} MB/s");
        return 0;
    }

    // The trail scan's library contender (or its floor) on the full trail, with its processor time.
    private static int RunTrail(ITrailContender target, double seconds)
    {
        var tree = TrailTree.Build(CorpusData.Load(CorpusSpec.Mixed(RepoPaths.CorpusRoot, 1.0), RepoPaths.GlacierFixtures), 1.0);
        target.Run(tree);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        int runs = 0;
        double best = double.MaxValue;
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            var run = Stopwatch.StartNew();
            target.Run(tree);
            best = Math.Min(best, run.Elapsed.TotalSeconds);
            runs++;
        }

        double cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        double megabytes = tree.InflatedBytes * (double)runs / 1e6;
        Console.WriteLine($"{target.Name}: {runs} runs, {megabytes / clock.Elapsed.TotalSeconds:F0} MB/s, {megabytes / cpuSeconds:F0} MB per CPU-s, best run {tree.InflatedBytes / 1e6 / best:F0} MB/s");
        return 0;
    }
}
