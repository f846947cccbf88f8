using System;
using System.Globalization;
using System.IO;

namespace GlacierTrail.Bench.Quick;

/// <summary>
/// The Parquet export next to <c>events</c>: the NativeAOT CLI over the same log file, each run
/// once as its own process (each takes seconds, so start-up is noise), reporting throughput per
/// wall second and per CPU second (the export and the scan use the cores differently) and the
/// peak resident set. The aim is an export at least half as fast as <c>events</c>.
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

        string output = Path.Combine(Path.GetTempPath(), "glaciertrail-bench-export");
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        double megabytes = new FileInfo(logFile).Length / 1e6;
        Console.Error.WriteLine("export   events --format ndjson");
        var events = CliRun.Measure(new[] { "events", "--format", "ndjson", "--quiet", logFile });
        Console.Error.WriteLine("export   export --output");
        var export = CliRun.Measure(new[] { "export", logFile, "--output", output });
        long written = 0;
        int files = 0;
        var partitions = new System.Collections.Generic.HashSet<string>(StringComparer.Ordinal);
        foreach (string file in Directory.EnumerateFiles(output, "*.parquet", SearchOption.AllDirectories))
        {
            written += new FileInfo(file).Length;
            files++;
            if (Path.GetRelativePath(output, file).StartsWith("cloudtrail", StringComparison.Ordinal))
            {
                partitions.Add(Path.GetDirectoryName(file)!);
            }
        }

        Directory.Delete(output, recursive: true);
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"export: NativeAOT CLI over a {megabytes:F0} MB log file, one run each, default settings; the export wrote {written / 1e6:F0} MB of Parquet in {files:N0} files, for {partitions.Count:N0} account, region and day partitions"));
        Console.WriteLine();
        Console.WriteLine("| command | wall s | CPU s | MB/s | MB per CPU-s | peak MiB |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (name, run) in new[] { ("events --format ndjson", events), ("export", export) })
        {
            Console.WriteLine(string.Create(inv, $"| {name} | {run.Seconds:F1} | {run.CpuSeconds:F1} | {megabytes / run.Seconds:F0} | {megabytes / run.CpuSeconds:F1} | {run.PeakMegabytes:F0} |"));
        }

        double ratio = events.Seconds / export.Seconds;
        Console.WriteLine();
        Console.WriteLine(string.Create(inv, $"| target | needed | measured | met |"));
        Console.WriteLine("| --- | ---: | ---: | --- |");
        Console.WriteLine(string.Create(inv, $"| export throughput vs events (wall) | >= 50% | {ratio:P0} | {(ratio >= 0.5 ? "yes" : "NO")} |"));
    }
}
