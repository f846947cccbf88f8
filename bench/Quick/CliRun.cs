using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using GlacierTrail.Bench.Corpus;

namespace GlacierTrail.Bench.Quick;

/// <summary>
/// One run of the NativeAOT CLI as its own process under <c>/usr/bin/time</c>: wall and CPU
/// seconds, and the peak resident set (the kernel's high-water mark for the process, which
/// outlives the process, unlike its working set). Standard output goes to /dev/null.
/// </summary>
internal readonly record struct CliRun(double Seconds, double CpuSeconds, double PeakMegabytes)
{
    /// <summary>The binary <c>bash cli/publish-aot.sh artifacts/glaciertrail-aot</c> builds, or <c>GLACIERTRAIL_AOT</c>.</summary>
    public static string Binary => Environment.GetEnvironmentVariable("GLACIERTRAIL_AOT") is { Length: > 0 } set
        ? set
        : Path.Combine(RepoPaths.Root, "artifacts", "glaciertrail-aot", "glaciertrail");

    /// <summary>Why the CLI cannot be measured here, or null when it can.</summary>
    public static string? Unavailable =>
        !File.Exists(Binary) ? $"no binary at {Binary} (bash cli/publish-aot.sh artifacts/glaciertrail-aot)"
        : !File.Exists("/usr/bin/time") ? "/usr/bin/time is not installed"
        : null;

    public static CliRun Measure(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("exec /usr/bin/time -f 'peak-kib %M seconds %e user %U system %S' \"$@\" > /dev/null");
        start.ArgumentList.Add("cli");
        start.ArgumentList.Add(Binary);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        string[] report = process.StandardError.ReadToEnd().Trim().Split('\n')[^1].Split(' ');
        process.WaitForExit();
        if (process.ExitCode != 0 || report.Length != 8 || report[0] != "peak-kib")
        {
            throw new InvalidOperationException($"glaciertrail {string.Join(' ', arguments)} failed ({process.ExitCode}): {string.Join(' ', report)}");
        }

        double Number(int i) => double.Parse(report[i], CultureInfo.InvariantCulture);
        return new CliRun(Number(3), Number(5) + Number(7), Number(1) / 1024.0);
    }
}
