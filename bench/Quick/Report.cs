using System;
using System.Collections.Generic;
using System.Globalization;

namespace GlacierTrail.Bench.Quick;

/// <summary>Prints the table of figures and the issue's targets, computed from the same run.</summary>
internal static class Report
{
    private const string Ours = "5 GlacierTrail typed parse";

    public static void PrintTable(List<Measurement> results)
    {
        Console.WriteLine("| corpus | contender | MB/s | MB per CPU-s | records/s | alloc B/record | vs ours (CPU) | alloc vs ours |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var m in results)
        {
            var ours = Find(results, Ours, m.Corpus);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {m.Corpus} | {m.Contender} | {m.MegabytesPerSecond:F0} | {m.MegabytesPerCpuSecond:F0} | {m.RecordsPerSecond:N0} | {m.AllocatedPerRecord:N0} | {m.MegabytesPerCpuSecond / ours.MegabytesPerCpuSecond:F2}x | {Ratio(m.AllocatedPerRecord, ours.AllocatedPerRecord)} |"));
        }
    }

    /// <summary>
    /// Single-core ratios use processor time, which load from other processes distorts least;
    /// the all-cores ratio must use wall-clock time, so it needs an otherwise idle machine.
    /// </summary>
    public static void PrintTargets(List<Measurement> results, PeakMemory? memory, PeakMemory? smallGen0)
    {
        var floor = Find(results, "1 floor: Utf8JsonReader token walk", "glacier");
        var stj = Find(results, "3 System.Text.Json source gen", "glacier");
        var ours = Find(results, Ours, "glacier");
        var mixedFloor = Find(results, "1 floor: Utf8JsonReader token walk", "mixed");
        var filtered = Find(results, "6 GlacierTrail filtered to Glacier", "mixed");
        Measurement? oneCore = null, allCores = null;
        foreach (var m in results)
        {
            if (m.Contender.StartsWith("7 ", StringComparison.Ordinal))
            {
                oneCore = m;
            }
            else if (m.Contender.StartsWith("8 ", StringComparison.Ordinal))
            {
                allCores = m;
            }
        }

        Console.WriteLine("| target | needed | measured | met |");
        Console.WriteLine("| --- | ---: | ---: | --- |");
        Target("typed parse vs contender 3 throughput", ">= 3.50x", ours.MegabytesPerCpuSecond / stj.MegabytesPerCpuSecond, 3.5, higherIsBetter: true, "x");
        Target("typed parse vs floor throughput (aim 75%)", ">= 60%", ours.MegabytesPerCpuSecond / floor.MegabytesPerCpuSecond, 0.60, higherIsBetter: true, "%");
        Target("typed parse allocation vs contender 3", "<= 40%", ours.AllocatedPerRecord / stj.AllocatedPerRecord, 0.40, higherIsBetter: false, "%");
        Target("mixed corpus filtered to Glacier vs floor", ">= 85%", filtered.MegabytesPerCpuSecond / mixedFloor.MegabytesPerCpuSecond, 0.85, higherIsBetter: true, "%");
        if (oneCore is not null && allCores is not null)
        {
            Target(".json.gz end to end, one file at a time, vs floor (CPU)", ">= 50%", oneCore.MegabytesPerCpuSecond / floor.MegabytesPerCpuSecond, 0.50, higherIsBetter: true, "%");
            Target($".json.gz end to end, {Environment.ProcessorCount} files at once, vs one at a time (wall clock)", ">= 1.70x", allCores.MegabytesPerSecond / oneCore.MegabytesPerSecond, 1.7, higherIsBetter: true, "x");
        }

        if (memory is not null)
        {
            Target("peak working set reading a 1 GB file (MiB), default GC", "< 64", memory.PeakMegabytes, 64, higherIsBetter: false, "MiB");
        }

        if (smallGen0 is not null)
        {
            Target("peak working set reading a 1 GB file (MiB), gen0 budget 4 MiB", "< 64", smallGen0.PeakMegabytes, 64, higherIsBetter: false, "MiB");
        }
    }

    private static void Target(string what, string needed, double value, double bound, bool higherIsBetter, string unit)
    {
        bool met = higherIsBetter ? value >= bound : value < bound || (unit == "%" && value <= bound);
        string shown = unit switch
        {
            "%" => (value * 100).ToString("F0", CultureInfo.InvariantCulture) + "%",
            "x" => value.ToString("F2", CultureInfo.InvariantCulture) + "x",
            _ => value.ToString("F1", CultureInfo.InvariantCulture),
        };
        Console.WriteLine($"| {what} | {needed} | {shown} | {(met ? "yes" : "NO")} |");
    }

    private static string Ratio(double value, double ours) =>
        ours == 0 ? "-" : (value / ours).ToString("F2", CultureInfo.InvariantCulture) + "x";

    private static Measurement Find(List<Measurement> results, string contender, string corpus) =>
        results.Find(m => m.Contender == contender && m.Corpus == corpus)
        ?? throw new InvalidOperationException($"no measurement of '{contender}' on {corpus}");
}
