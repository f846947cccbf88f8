using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace GlacierTrail.Bench.Quick;

/// <summary>
/// The Parquet export next to <c>events</c>: the NativeAOT CLI over the same log file, each run
/// once as its own process (each takes seconds, so start-up is noise), reporting throughput per
/// wall second and per CPU second (the export and the scan use the cores differently) and the
/// peak resident set. The export runs twice: over the records in no order (the hard case: most
/// go through the spill file), and over the same records in partition order (as CloudTrail
/// delivers them). The aim is an export at least half as fast as <c>events</c>.
/// </summary>
internal static class ExportQuick
{
    public static void Run(string logFile)
    {
        if (CliRun.Unavailable is { } why)
        {
            Console.WriteLine($"export: NativeAOT CLI skipped: {why}");
            return;
        }

        string ordered = PartitionOrderedLog.Ensure(logFile);
        string output = Path.Combine(Path.GetTempPath(), "glaciertrail-bench-export");
        double megabytes = new FileInfo(logFile).Length / 1e6;
        Console.Error.WriteLine("export   events --format ndjson");
        var events = CliRun.Measure(new[] { "events", "--format", "ndjson", "--quiet", logFile });
        var runs = new List<(string Name, CliRun Run)> { ("events --format ndjson", events) };
        var inv = CultureInfo.InvariantCulture;
        var notes = new List<string>();
        foreach (var (name, file) in new[] { ("export, records in no order", logFile), ("export, records in partition order", ordered) })
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }

            Console.Error.WriteLine($"export   {name}");
            runs.Add((name, CliRun.Measure(new[] { "export", file, "--output", output })));
            var (written, files, partitions) = Written(output);
            notes.Add(string.Create(inv, $"{name}: {written / 1e6:F0} MB of Parquet in {files:N0} files, for {partitions:N0} account, region and day partitions"));
        }

        Directory.Delete(output, recursive: true);
        Console.WriteLine(string.Create(inv, $"export: NativeAOT CLI over a {megabytes:F0} MB log file, one run each, default settings"));
        foreach (string note in notes)
        {
            Console.WriteLine("  " + note);
        }

        Console.WriteLine();
        Console.WriteLine("| command | wall s | CPU s | MB/s | MB per CPU-s | peak MiB |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (name, run) in runs)
        {
            Console.WriteLine(string.Create(inv, $"| {name} | {run.Seconds:F1} | {run.CpuSeconds:F1} | {megabytes / run.Seconds:F0} | {megabytes / run.CpuSeconds:F1} | {run.PeakMegabytes:F0} |"));
        }

        Console.WriteLine();
        Console.WriteLine("| target | needed | measured | met |");
        Console.WriteLine("| --- | ---: | ---: | --- |");
        foreach (var (name, run) in runs.Skip(1))
        {
            double ratio = events.Seconds / run.Seconds;
            Console.WriteLine(string.Create(inv, $"| {name}: throughput vs events (wall) | >= 50% | {ratio:P0} | {(ratio >= 0.5 ? "yes" : "NO")} |"));
        }
    }

    private static (long Bytes, int Files, int Partitions) Written(string output)
    {
        long bytes = 0;
        int files = 0;
        var partitions = new HashSet<string>(StringComparer.Ordinal);
        foreach (string file in Directory.EnumerateFiles(output, "*.parquet", SearchOption.AllDirectories))
        {
            bytes += new FileInfo(file).Length;
            files++;
            if (Path.GetRelativePath(output, file).StartsWith("cloudtrail", StringComparison.Ordinal))
            {
                partitions.Add(Path.GetDirectoryName(file)!);
            }
        }

        return (bytes, files, partitions.Count);
    }
}
