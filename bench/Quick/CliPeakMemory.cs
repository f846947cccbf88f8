using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using GlacierTrail.Bench.Corpus;

namespace GlacierTrail.Bench.Quick;

/// <summary>
/// The NativeAOT CLI's peak resident set for <c>glaciertrail summary</c> over the 1 GB log file,
/// with its own default settings, as <c>/usr/bin/time</c> reports it (the kernel's high-water
/// mark for the process, which outlives the process, unlike its working set).
/// </summary>
internal static class CliPeakMemory
{
    public const double TargetMegabytes = 64;

    /// <summary>The report line, and the peak in MiB (NaN when it could not run here).</summary>
    public static (string Line, double PeakMegabytes) Measure(string bigFile)
    {
        string binary = Environment.GetEnvironmentVariable("GLACIERTRAIL_AOT") is { Length: > 0 } set
            ? set
            : Path.Combine(RepoPaths.Root, "artifacts", "glaciertrail-aot", "glaciertrail");
        if (!File.Exists(binary) || !File.Exists("/usr/bin/time"))
        {
            return ($"memory: NativeAOT CLI skipped: {(File.Exists(binary) ? "/usr/bin/time is not installed" : $"no binary at {binary} (bash cli/publish-aot.sh artifacts/glaciertrail-aot)")}", double.NaN);
        }

        var start = new ProcessStartInfo("/usr/bin/time") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string arg in new[] { "-f", "peak-kib %M seconds %e", binary, "summary", bigFile })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        process.StandardOutput.ReadToEnd();
        string[] report = process.StandardError.ReadToEnd().Trim().Split('\n')[^1].Split(' ');
        process.WaitForExit();
        if (process.ExitCode != 0 || report.Length != 4 || report[0] != "peak-kib")
        {
            throw new InvalidOperationException($"glaciertrail summary failed ({process.ExitCode}): {string.Join(' ', report)}");
        }

        double peak = long.Parse(report[1], CultureInfo.InvariantCulture) / 1024.0;
        double seconds = double.Parse(report[3], CultureInfo.InvariantCulture);
        long bytes = new FileInfo(bigFile).Length;
        return (string.Create(CultureInfo.InvariantCulture, $"memory: NativeAOT `glaciertrail summary` over the {bytes / 1e9:F2} GB log file in {seconds:F1} s, default settings; peak resident set {peak:F1} MiB"), peak);
    }
}
